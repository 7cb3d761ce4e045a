import Testing
@testable import TimelineKit

@Suite struct SlugTests {
    @Test(arguments: ["moscow-meeting", "28-point-plan", "a", "2025", "x1-y2-z3"])
    func acceptsLowercaseDigitsAndSingleHyphens(slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: [
        "", "-", "-moscow", "moscow-", "moscow--meeting", "Moscow", "moscow meeting",
        "moscow_meeting", "moscow.meeting", ".", "zürich", "київ", "a/b",
    ])
    func refusesAnythingElse(slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test(arguments: [
        ("Moscow Meeting", "moscow-meeting"),
        ("moscow_meeting", "moscow-meeting"),
        ("  Moscow -- Meeting!  ", "moscow-meeting"),
        ("28 Point Plan", "28-point-plan"),
        ("zürich", "zurich"),
        (".", ""),
        ("київ", "kyiv"),
        ("!!!", ""),
    ])
    func suggestsTheNearestValidSlug(name: String, suggestion: String) {
        #expect(Slug.suggestion(for: name) == suggestion)
    }
}
