import Testing
@testable import TimelineKit

/// Readers over YAML that starts on line 2 of `note.md`, as front matter does.
@Suite struct FieldReaderTests {
    func reader(_ yaml: String) throws -> FieldReader {
        let (reader, problems) = fields(yaml)
        #expect(problems == [])
        return try #require(reader)
    }

    func messages(_ reader: FieldReader) -> [String] { reader.diagnostics.map(\.description) }

    @Test func readsTrimmedText() throws {
        let f = try reader("title: \"  Talks in Moscow \"")
        #expect(f.text("title") == "Talks in Moscow")
        #expect(messages(f) == [])
    }

    @Test func aMissingRequiredFieldIsReportedAtTheStartOfTheMapping() throws {
        let f = try reader("date: 2025-12-02")
        #expect(f.text("title", required: true) == nil)
        #expect(messages(f) == ["note.md:2:1: missing required field 'title' (add 'title: ...')"])
    }

    @Test func aMissingOptionalFieldIsNil() throws {
        let f = try reader("title: Talks")
        #expect(f.text("outlet") == nil)
        #expect(messages(f) == [])
    }

    @Test(arguments: ["outlet:", "outlet: ~", "outlet: null"])
    func nullCountsAsMissing(yaml: String) throws {
        let f = try reader(yaml)
        #expect(f.text("outlet") == nil)
        #expect(messages(f) == [])
    }

    @Test func anEmptyRequiredTextIsReported() throws {
        let f = try reader("title: \"  \"")
        #expect(f.text("title", required: true) == nil)
        #expect(messages(f) == ["note.md:2:8: 'title' is empty (give it a value)"])
    }

    @Test(arguments: [
        ("title: 2025", "note.md:2:8: 'title' must be text, found a number (put the value in quotes)"),
        ("title: 3.5", "note.md:2:8: 'title' must be text, found a number (put the value in quotes)"),
        ("title: true", "note.md:2:8: 'title' must be text, found true/false (put the value in quotes)"),
        ("title: [a, b]", "note.md:2:8: 'title' must be text, found a list (put the value in quotes)"),
        ("title:\n  a: b", "note.md:3:3: 'title' must be text, found a mapping (put the value in quotes)"),
    ])
    func textRefusesOtherShapes(yaml: String, message: String) throws {
        let f = try reader(yaml)
        #expect(f.text("title") == nil)
        #expect(messages(f) == [message])
    }

    /// YAML's escapes write characters no page or feed may hold, and NUL
    /// is what the renderer marks its splices with.
    @Test(arguments: [
        ("title: \"Talks\\0 in Moscow\"", "note.md:2:8: 'title' contains the control character U+0000"),
        ("title: \"Talks\\x01\"", "note.md:2:8: 'title' contains the control character U+0001"),
        ("title: \"Talks\\e\"", "note.md:2:8: 'title' contains the control character U+001B"),
    ])
    func textRefusesControlCharacters(yaml: String, message: String) throws {
        let f = try reader(yaml)
        #expect(f.text("title") == nil)
        let hint = " (remove it; HTML and XML forbid it, and YAML escapes such as \\0 or \\x01 write one)"
        #expect(messages(f) == [message + hint])
    }

    @Test func tabsAndLineBreaksAreText() throws {
        #expect(try reader("title: \"Talks\\tin\\nMoscow\"").text("title") == "Talks\tin\nMoscow")
    }

    @Test func aQuotedNumberIsText() throws {
        #expect(try reader("title: \"2025\"").text("title") == "2025")
    }

    @Test func aStringWherePeopleAreListedIsRefusedWithTheFix() throws {
        let f = try reader("people: Vladimir Putin")
        #expect(f.references("people").isEmpty)
        #expect(messages(f) == [
            "note.md:2:9: 'people' must be a list of slugs, found text (write people: [vladimir-putin])",
        ])
    }

    @Test func referencesRememberWhereEachSlugWasWritten() throws {
        let f = try reader("people: [steve-witkoff, jared-kushner]")
        #expect(f.references("people") == [
            Reference(slug: "steve-witkoff", location: SourceLocation(file: "note.md", line: 2, column: 10)),
            Reference(slug: "jared-kushner", location: SourceLocation(file: "note.md", line: 2, column: 25)),
        ])
    }

    @Test func anInvalidSlugInAListIsReportedWithTheNearestValidOne() throws {
        let f = try reader("people:\n  - steve-witkoff\n  - Jared Kushner")
        #expect(f.references("people").map(\.slug) == ["steve-witkoff"])
        #expect(messages(f) == ["note.md:4:5: 'Jared Kushner' in people is not a valid slug (did you mean 'jared-kushner'?)"])
    }

    @Test func unknownFieldsAreWarnedAboutWithTheNearestKnownField() throws {
        let f = try reader("titel: Talks\ndate: 2025-12-02")
        _ = f.text("title")
        _ = f.date("date")
        f.reportUnknownFields(known: ["title", "date"])
        #expect(messages(f) == ["note.md:2:1: warning: unknown field 'titel' (did you mean 'title'?)"])
    }

    @Test func anUnknownFieldUnlikeAnyKnownOneListsThemAll() throws {
        let f = try reader("colour: red")
        f.reportUnknownFields(known: ["name", "role", "country"])
        #expect(messages(f) == ["note.md:2:1: warning: unknown field 'colour' (known fields: name, role, country)"])
    }

    @Test(arguments: [("draft: true", true), ("draft: false", false), ("draft: True", true), ("other: 1", false)])
    func readsBooleans(yaml: String, value: Bool) throws {
        let f = try reader(yaml)
        #expect(f.bool("draft") == value)
        #expect(messages(f) == [])
    }

    @Test(arguments: [
        ("draft: yes", "note.md:2:8: 'draft' must be true or false, found text"),
        ("draft: \"true\"", "note.md:2:8: 'draft' must be true or false, found text"),
        ("draft: 1", "note.md:2:8: 'draft' must be true or false, found a number"),
    ])
    func refusesWhatIsNotABoolean(yaml: String, message: String) throws {
        let f = try reader(yaml)
        #expect(f.bool("draft") == false)
        #expect(messages(f) == [message])
    }

    @Test(arguments: [("points: 28", 28), ("points: -3", -3), ("points: +7", 7), ("points: 0", 0)])
    func readsIntegers(yaml: String, value: Int) throws {
        let f = try reader(yaml)
        #expect(f.integer("points") == value)
        #expect(messages(f) == [])
    }

    @Test(arguments: [
        ("points: 28.5", "note.md:2:9: 'points' must be a whole number, found a number"),
        ("points: \"28\"", "note.md:2:9: 'points' must be a whole number, found text"),
        ("points: twenty", "note.md:2:9: 'points' must be a whole number, found text"),
    ])
    func refusesWhatIsNotAWholeNumber(yaml: String, message: String) throws {
        let f = try reader(yaml)
        #expect(f.integer("points") == nil)
        #expect(messages(f) == [message])
    }

    @Test(arguments: [
        ("coordinates: [55.7558, 37.6173]", Coordinates(latitude: 55.7558, longitude: 37.6173)),
        ("coordinates: [-90, 180]", Coordinates(latitude: -90, longitude: 180)),
        ("coordinates:\n  - 46.2044\n  - 6.1432", Coordinates(latitude: 46.2044, longitude: 6.1432)),
    ])
    func readsCoordinates(yaml: String, value: Coordinates) throws {
        let f = try reader(yaml)
        #expect(f.coordinates("coordinates") == value)
        #expect(messages(f) == [])
    }

    @Test(arguments: [
        "coordinates: [91, 0]", "coordinates: [0, 181]", "coordinates: [55.7]",
        "coordinates: [55.7, 37.6, 0]", "coordinates: [\"55.7\", 37.6]", "coordinates: 55.7",
    ])
    func refusesCoordinatesThatAreNotLatitudeAndLongitude(yaml: String) throws {
        let f = try reader(yaml)
        #expect(f.coordinates("coordinates") == nil)
        #expect(messages(f) == [
            "note.md:2:14: 'coordinates' must be [latitude, longitude] in degrees (e.g. [55.7558, 37.6173])",
        ])
    }

    @Test func readsADateAsWrittenNotAsAYamlTimestamp() throws {
        let f = try reader("date: 2025-12")
        #expect(f.date("date") == EventDate(start: PartialDate(year: 2025, month: 12)))
    }

    @Test func anInvalidDateIsReportedAtItsValue() throws {
        let f = try reader("title: Talks\ndate: 2025-02-30")
        #expect(f.date("date", required: true) == nil)
        #expect(messages(f) == [
            "note.md:3:7: invalid date '2025-02-30': day 30 does not exist in that month (it has 28 days)",
        ])
    }

    @Test func aListIsNotADate() throws {
        let f = try reader("date: [2025]")
        #expect(f.date("date") == nil)
        #expect(messages(f) == [
            "note.md:2:7: 'date' must be a date, found a list (write YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)",
        ])
    }

    @Test func nestedMappingsReportAtTheirOwnLines() throws {
        let f = try reader("quotes:\n  - by: a\n    text: hi\n  - just text")
        let quotes = f.mappings("quotes")
        #expect(quotes.count == 1)
        #expect(quotes.first?.start == SourceLocation(file: "note.md", line: 3, column: 5))
        #expect(messages(f) == [
            "note.md:5:5: each entry of 'quotes' must be a mapping of fields, found text (write 'field: value' lines)",
        ])
    }

    @Test func aFieldNameMustBeAWord() {
        let (reader, problems) = fields("[a, b]: 1\ntitle: x")
        #expect(reader != nil)
        #expect(problems.map(\.description) == ["note.md:2:1: field names must be plain words"])
    }

    @Test(arguments: [
        ("hello", ScalarKind.text), ("2025", .integer), ("-7", .integer), ("0x1F", .integer),
        ("3.14", .float), ("1e3", .float), (".inf", .float), ("true", .boolean), ("FALSE", .boolean),
        ("yes", .text), ("~", .null), ("null", .null), ("2025-12-02", .text), ("e5", .text),
    ])
    func classifiesPlainScalarsByTheCoreSchema(text: String, kind: ScalarKind) {
        #expect(ScalarKind(.init(text, .implicit, .plain)) == kind)
    }

    @Test func quotedScalarsAreAlwaysText() {
        #expect(ScalarKind(.init("2025", .implicit, .doubleQuoted)) == .text)
    }
}
