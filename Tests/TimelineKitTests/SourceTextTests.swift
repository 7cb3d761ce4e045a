import Testing
@testable import TimelineKit

@Suite struct SourceTextTests {
    func decode(_ bytes: [UInt8]) -> Result<String, Diagnostic> {
        SourceText.decode(bytes, path: "note.md")
    }

    func text(_ bytes: [UInt8]) throws -> String { try decode(bytes).get() }

    func problem(_ bytes: [UInt8]) -> String? {
        guard case .failure(let diagnostic) = decode(bytes) else { return nil }
        return diagnostic.description
    }

    @Test func plainUTF8IsKept() throws {
        #expect(try text(Array("Київ – “talks”\n".utf8)) == "Київ – “talks”\n")
    }

    @Test func aByteOrderMarkIsStripped() throws {
        #expect(try text([0xEF, 0xBB, 0xBF] + Array("---\n".utf8)) == "---\n")
    }

    @Test(arguments: [("a\r\nb\r\n", "a\nb\n"), ("a\rb", "a\nb"), ("a\r\n\r\nb", "a\n\nb"), ("a\n\rb", "a\n\nb")])
    func lineEndingsBecomeLineFeeds(input: String, expected: String) throws {
        #expect(try text(Array(input.utf8)) == expected)
    }

    @Test func anEmptyFileIsEmptyText() throws {
        #expect(try text([]) == "")
    }

    /// Bytes, with the first invalid one, and the message naming its line and column.
    static let invalid: [([UInt8], String)] = [
        (utf8("ab\ncd") + [0xFF] + utf8("ef"), "note.md:2:3: the file is not valid UTF-8 (byte 0xFF) (save it as UTF-8)"),
        (utf8("titre: caf") + [0xE9, 0x0A], "note.md:1:11: the file is not valid UTF-8 (byte 0xE9) (save it as UTF-8)"),
        (utf8("é\n€ x") + [0xC0, 0xAF], "note.md:2:4: the file is not valid UTF-8 (byte 0xC0) (save it as UTF-8)"),
        ([0xED, 0xA0, 0x80], "note.md:1:1: the file is not valid UTF-8 (byte 0xED) (save it as UTF-8)"),
        ([0x61, 0xF4, 0x90, 0x80, 0x80], "note.md:1:2: the file is not valid UTF-8 (byte 0xF4) (save it as UTF-8)"),
        ([0x61, 0x0A, 0xE2, 0x82], "note.md:2:1: the file is not valid UTF-8 (byte 0xE2) (save it as UTF-8)"),
        ([0x80], "note.md:1:1: the file is not valid UTF-8 (byte 0x80) (save it as UTF-8)"),
        ([0xEF, 0xBB, 0xBF, 0x61, 0xFE], "note.md:1:2: the file is not valid UTF-8 (byte 0xFE) (save it as UTF-8)"),
        ([0x61, 0x0D, 0x0A, 0x62, 0xFF], "note.md:2:2: the file is not valid UTF-8 (byte 0xFF) (save it as UTF-8)"),
    ]

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: invalid)
    func invalidUTF8IsReportedAtItsLineAndColumn(bytes: [UInt8], message: String) {
        #expect(problem(bytes) == message)
    }

    @Test func aNULByteIsRefused() {
        #expect(problem([0x61, 0x00, 0x62]) == "note.md: the file contains a NUL byte (save it as plain UTF-8 text)")
    }

    @Test(arguments: [[0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x80, 0x93], [0xC3, 0xA9], [0xF4, 0x8F, 0xBF, 0xBF]] as [[UInt8]])
    func validMultiByteSequencesPass(bytes: [UInt8]) {
        #expect(SourceText.firstInvalidUTF8(bytes[...]) == nil)
    }
}
