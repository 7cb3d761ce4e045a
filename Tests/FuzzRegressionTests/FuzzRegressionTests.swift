import Testing
import TimelineFuzzing

/// Every input the fuzzer ever crashed on (Fuzz/regressions/) and every seed
/// (Fuzz/corpus/) goes through the fuzz target's code again on each test run:
/// a fixed crash stays fixed. `scripts/fuzz` is the fuzzer itself.
@Suite struct FuzzRegressionTests {
    @Test(arguments: FuzzInput.files(in: "regressions"))
    func regressionStaysFixed(_ path: String) throws {
        let bytes = try #require(FuzzInput.read(path))
        FuzzHarness.run(bytes)
    }

    @Test func seedCorpusRuns() throws {
        let seeds = FuzzInput.files(in: "corpus")
        #expect(seeds.count >= 10, "Fuzz/corpus/ holds the seeds")
        for path in seeds {
            let bytes = try #require(FuzzInput.read(path))
            FuzzHarness.run(bytes)
        }
    }
}
