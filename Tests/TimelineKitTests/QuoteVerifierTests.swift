import Testing
@testable import TimelineKit

@Suite struct QuoteVerifierTests {
    static let body = """
        Ushakov called the talks \u{201C}constructive, very useful and substantive\u{201D}.
        He added: \u{2018}We\u{2019}ll see.\u{2019} There is\tstill  much work
        to be done.
        """

    func verifier(_ body: String = body) throws -> QuoteVerifier {
        let site = try makeSite([article("moscow-talks", body: body)])
        return QuoteVerifier(articles: site.articles)
    }

    @Test func foldsTypographicQuotesAndWhiteSpace() {
        let folded = QuoteVerifier.fold("  \u{201C}It\u{2019}s\n\n a\t\u{00A0}deal,\u{201D} he said \u{2018}twice\u{2019}. ")
        #expect(String(decoding: folded, as: UTF8.self) == "\"It's a deal,\" he said 'twice'.")
    }

    @Test(arguments: [
        "constructive, very useful and substantive",
        "\"constructive, very useful and substantive\"",
        "\u{201C}constructive, very useful and substantive\u{201D}",
        "'We'll see.'",
        "We\u{2019}ll see.",
        "still much work to be done",
        "still  much\nwork\tto be done",
    ])
    func findsWordsWrittenEitherWay(quote: String) throws {
        #expect(try verifier().verify(quote, in: "moscow-talks"))
    }

    @Test func findsAQuoteSpanningALineBreakInTheArticle() throws {
        #expect(try verifier().verify("much work to be done", in: "moscow-talks"))
    }

    @Test(arguments: ["constructive and very useful", "much work still to be done", "Constructive, very useful"])
    func missesWordsTheArticleDoesNotHave(quote: String) throws {
        #expect(try !verifier().verify(quote, in: "moscow-talks"))
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func anEmptyQuoteNeverMatches(quote: String) throws {
        #expect(try !verifier().verify(quote, in: "moscow-talks"))
    }

    @Test func aQuoteLongerThanTheArticleMisses() throws {
        #expect(try !verifier("short").verify("short and long", in: "moscow-talks"))
    }

    @Test func anUnknownArticleMatchesNothing() throws {
        #expect(try !verifier().verify("constructive", in: "no-such-article"))
    }

    /// Quotes are whole words: a fragment inside a word is not a quote.
    @Test(arguments: [
        ("ice", "The police said", false),
        ("police said", "The police said", true),
        ("olice", "The police said", false),
        ("The police", "The police said", true),
        ("\"much work", "“much work to be done”", true),
        ("Київ", "у Київі", false),
        ("Київ", "у Київ.", true),
        // Punctuation outside ASCII is not part of a word: guillemets, dashes, ellipses.
        ("переговоры", "«переговоры» шли", true),
        ("talks", "the talks—which ran late", true),
        ("late", "ran late…", true),
        ("воры", "«переговоры»", false),
    ])
    func quotesMatchOnlyAtWordBoundaries(quote: String, body: String, matches: Bool) throws {
        #expect(try verifier(body).verify(quote, in: "moscow-talks") == matches)
    }
}
