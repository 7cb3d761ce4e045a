import Foundation
import TimelineFuzzing

/// libFuzzer's entry point: one input through `FuzzHarness` (see there for
/// what each input means).
@_cdecl("LLVMFuzzerTestOneInput")
public func timelineFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
    return 0
}

#if TIMELINE_FUZZING
/// libFuzzer's driver, from libclang_rt.fuzzer (linked by `-sanitize=fuzzer`).
/// SwiftPM links an executable with its own `main`, which would hide
/// libFuzzer's, so this `main` hands the command line to the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

@main
struct TimelineFuzz {
    static func main() {
        #if TIMELINE_FUZZING
        // Built by scripts/fuzz: -sanitize=fuzzer,address -DTIMELINE_FUZZING.
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, timelineFuzzTestOneInput))
        #else
        // A plain build: replays the files it is given, one after the other,
        // as libFuzzer does when handed files rather than folders.
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = FuzzInput.read(path) else {
                print("timeline-fuzz: cannot read \(path)")
                exit(2)
            }
            FuzzHarness.run(bytes)
            print("Ran \(path) (\(bytes.count) bytes)")
        }
        #endif
    }
}
