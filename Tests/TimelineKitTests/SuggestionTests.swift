import Testing
@testable import TimelineKit

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("title", "title", 0),
        ("titel", "title", 2), ("vladimir-puttin", "vladimir-putin", 1), ("kitten", "sitting", 3),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == distance)
    }

    @Test func suggestsTheClosestCandidate() {
        #expect(Suggestion.closest(to: "titel", in: ["date", "title", "tags"]) == "title")
    }

    @Test func hintIsPhrasedAsAQuestion() {
        #expect(Suggestion.hint(for: "vladimir-puttin", in: ["vladimir-putin", "steve-witkoff"])
            == "did you mean 'vladimir-putin'?")
    }

    @Test func nothingIsSuggestedWhenEveryCandidateIsFar() {
        #expect(Suggestion.closest(to: "zelenskyy", in: ["putin", "trump"]) == nil)
        #expect(Suggestion.hint(for: "zelenskyy", in: ["putin", "trump"]) == nil)
    }

    @Test func nothingIsSuggestedFromNoCandidates() {
        #expect(Suggestion.closest(to: "title", in: [String]()) == nil)
    }

    @Test func tiesGoToTheAlphabeticallyFirstCandidate() {
        #expect(Suggestion.closest(to: "cat", in: ["hat", "bat"]) == "bat")
    }

    /// Up to two edits are always allowed; longer words allow a third of their length.
    @Test func theAllowedDistanceGrowsWithTheWord() {
        #expect(Suggestion.closest(to: "ab", in: ["xy"]) == "xy")
        #expect(Suggestion.closest(to: "abc", in: ["xyz"]) == nil)
        #expect(Suggestion.closest(to: "abcdefghi", in: ["xyzdefghi"]) == "xyzdefghi")
        #expect(Suggestion.closest(to: "abcdefghi", in: ["xyzwefghi"]) == nil)
    }
}
