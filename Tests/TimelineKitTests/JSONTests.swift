import Testing
@testable import TimelineKit

@Suite struct JSONTests {
    @Test func keysKeepTheirOrderAndValuesTheirType() {
        let value = JSON.object([("b", .integer(2)), ("a", .array([.string("x"), .null, .bool(true), .number(1.5)]))])
        #expect(value.serialized() == #"{"b":2,"a":["x",null,true,1.5]}"#)
        #expect(value.serialized(pretty: true) == "{\n  \"b\": 2,\n  \"a\": [\n    \"x\",\n    null,\n    true,\n    1.5\n  ]\n}")
    }

    /// Safe inside a `<script>` element: nothing can close it or open a comment.
    @Test func stringsEscapeWhatCouldBreakOutOfAScriptElement() {
        #expect(JSON.string("</script><!--&\u{2028}\u{2029}").serialized()
            == #""\u003c/script\u003e\u003c!--\u0026\u2028\u2029""#)
    }

    @Test func controlCharactersQuotesAndBackslashesAreEscaped() {
        #expect(JSON.string("a\"b\\c\nd\te\u{01}").serialized() == #""a\"b\\c\nd\te\u0001""#)
        #expect(JSON.string("Київ “quoted”").serialized() == "\"Київ “quoted”\"")
    }

    @Test func wholeNumbersHaveNoFraction() {
        #expect(JSON.number(55.0).serialized() == "55")
        #expect(JSON.number(-0.5).serialized() == "-0.5")
        #expect(JSON.number(.infinity).serialized() == "null")
    }
}
