import Testing
@testable import TimelineKit

@Suite struct TransliterationTests {
    @Test(arguments: [
        // Ukrainian, by the national system (KMU 2010), when the title shows it is Ukrainian.
        ("Talks in Київ", "talks-in-kyiv"),
        ("Київ", "kyiv"),
        ("Зеленський", "zelenskyi"),
        ("Володимир Зеленський", "volodymyr-zelenskyi"),
        ("Андрій Єрмак", "andrii-yermak"),
        ("Рустем Умєров", "rustem-umierov"),
        ("Юлія", "yuliia"),
        ("Згурський", "zghurskyi"),
        ("Мар'яна", "mariana"),
        ("Ґалаґан", "galagan"),
        ("Донецьк", "donetsk"),
        ("Путін", "putin"),
        ("Борис Посланник у Києві", "borys-poslannyk-u-kyievi"),
        // Russian otherwise, as English-language news spells it.
        ("Путин", "putin"),
        ("Владимир Путин", "vladimir-putin"),
        ("Дмитрий Песков", "dmitriy-peskov"),
        ("Юрий Ушаков", "yuriy-ushakov"),
        ("Горбачёв", "gorbachev"),
        ("Объём", "obem"),
        ("Борис Посланник", "boris-poslannik"),
        // Latin letters lose their accents or are spelt out.
        ("Genève", "geneve"),
        ("Gene\u{300}ve", "geneve"),
        ("Zürich", "zurich"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Øresund", "oresund"),
        ("Ærø", "aero"),
        ("Crème Brûlée", "creme-brulee"),
        // Apostrophes vanish; anything else is one hyphen, trimmed.
        ("Zelenskyy's plan", "zelenskyys-plan"),
        ("Zelenskyy’s plan", "zelenskyys-plan"),
        ("  Moscow -- Meeting!  ", "moscow-meeting"),
        ("28-point plan", "28-point-plan"),
        ("Talks & Tensions: Part 2", "talks-tensions-part-2"),
        ("«Мир» — Peace", "mir-peace"),
        // Nothing to spell.
        ("★★★", ""),
        ("東京", ""),
        ("", ""),
    ])
    func slugs(title: String, slug: String) {
        #expect(Transliteration.slug(from: title) == slug)
        #expect(slug.isEmpty || Slug.isValid(slug))
    }

    @Test func longSlugsAreCutAtAHyphen() {
        let title = "A very long headline about the negotiations over the war in Ukraine and the plan"
        #expect(Transliteration.slug(from: title) == "a-very-long-headline-about-the-negotiations-over-the-war-in")
        #expect(Transliteration.slug(from: String(repeating: "a", count: 70)) == String(repeating: "a", count: 60))
        #expect(Transliteration.slug(from: "one two three", maximumLength: 7) == "one-two")
        #expect(Transliteration.slug(from: "one two three", maximumLength: 8) == "one-two")
    }

    @Test(arguments: [
        ("Київ", Transliteration.CyrillicSystem.ukrainian),
        ("Зеленський", .ukrainian),
        ("Мар'яна", .ukrainian),
        ("ҐАНОК", .ukrainian),
        ("Путин", .russian),
        ("Зеленский", .russian),
        ("Борис Посланник", .russian),
        ("Geneva", .russian),
    ])
    func choosesTheSystemFromTheTitle(title: String, system: Transliteration.CyrillicSystem) {
        #expect(Transliteration.system(for: title) == system)
    }
}
