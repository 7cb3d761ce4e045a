import Testing
@testable import TimelineKit

@Suite struct ChronologyTests {
    func order(_ events: [SourceFile]) throws -> [String] {
        try link(events).0.events.map(\.source.slug)
    }

    @Test func eventsReadByDate() throws {
        #expect(try order([
            event("c", date: "2025-12-02"), event("a", date: "2026-01-01"), event("b", date: "2025-11-30"),
        ]) == ["b", "c", "a"])
    }

    @Test func onTheSameFirstDayTheCoarserDateComesFirst() throws {
        #expect(try order([
            event("day", date: "2025-11-01"), event("month", date: "2025-11"), event("year", date: "2025"),
        ]) == ["year", "month", "day"])
    }

    @Test func aSingleDayComesBeforeARangeStartingThatDay() throws {
        #expect(try order([event("range", date: "2025-11-29/2025-11-30"), event("day", date: "2025-11-29")])
            == ["day", "range"])
    }

    @Test func anExactDateComesBeforeTheSameDateMarkedApproximate() throws {
        #expect(try order([event("guess", title: "A", "approximate: true"), event("known", title: "B")])
            == ["known", "guess"])
    }

    @Test func onTheSameDateTitlesDecideByTheirBytes() throws {
        #expect(try order([
            event("x", title: "b talks"), event("y", title: "Zelenskyy speaks"), event("z", title: "a talks"),
        ]) == ["y", "z", "x"])
    }

    @Test func withTheSameDateAndTitleTheSlugDecides() throws {
        #expect(try order([event("talks-2"), event("talks-1"), event("talks-10")]) == ["talks-1", "talks-10", "talks-2"])
    }

    @Test func theOrderDoesNotDependOnTheOrderNotesWereRead() throws {
        let files = [event("a", date: "2025"), event("b", date: "2025-11"), event("c"), event("d", title: "Other")]
        #expect(try order(files) == order(files.reversed()))
    }

    static let site: [SourceFile] = [
        person("steve-witkoff"), person("vladimir-putin"), person("yuri-ushakov"), place("moscow"),
        document("19-point-framework"), document("28-point-plan", supersedes: "19-point-framework"),
        article("moscow-talks", body: "much work to be done"), article("tass", body: "Tuesday"), article("rbc", body: "March"),
        event("later", date: "2025-12-05", "people: [steve-witkoff]\ntags: [talks]"),
        event("meeting", date: "2025-12-02", """
            place: moscow
            people: [steve-witkoff, vladimir-putin, steve-witkoff]
            documents: [28-point-plan]
            sources: [moscow-talks]
            tags: [talks, meeting]
            quotes:
              - {by: yuri-ushakov, text: "much work", source: moscow-talks}
            disputes:
              - about: When
                claims: [{source: tass, says: Tuesday}, {source: rbc, says: March}]
            """),
    ]

    @Test func eachPersonKnowsTheirEventsInReadingOrderOnce() throws {
        let (chronology, problems) = try link(Self.site)
        #expect(problems == [])
        #expect(chronology.events.map(\.source.slug) == ["meeting", "later"])
        #expect(chronology.eventsByPerson["steve-witkoff"] == [0, 1])
        #expect(chronology.eventsByPerson["vladimir-putin"] == [0])
    }

    @Test func aQuotedSpeakerCountsAsTakingPart() throws {
        let (chronology, _) = try link(Self.site)
        #expect(chronology.eventsByPerson["yuri-ushakov"] == [0])
        #expect(chronology.quotesByPerson["yuri-ushakov"] == [Chronology.QuoteLocation(event: 0, quote: 0)])
    }

    @Test func placesDocumentsAndTagsMapBackToTheirEvents() throws {
        let (chronology, _) = try link(Self.site)
        #expect(chronology.eventsByPlace == ["moscow": [0]])
        #expect(chronology.eventsByDocument == ["28-point-plan": [0]])
        #expect(chronology.eventsByTag == ["talks": [0, 1], "meeting": [0]])
        #expect(chronology.tags == ["meeting", "talks"])
    }

    @Test func anArticleKnowsEveryEventThatCitesItAsSourceQuoteOrClaim() throws {
        let (chronology, _) = try link(Self.site)
        #expect(chronology.eventsByArticle == ["moscow-talks": [0], "tass": [0], "rbc": [0]])
    }

    @Test func everyCrossReferenceResolvesBothWays() throws {
        let (chronology, _) = try link(Self.site)
        for (index, event) in chronology.events.enumerated() {
            for person in event.people {
                #expect(chronology.eventsByPerson[person.slug]?.contains(index) == true)
            }
        }
        for (slug, indexes) in chronology.eventsByPerson {
            for index in indexes {
                let event = chronology.events[index]
                #expect(event.people.contains { $0.slug == slug } || event.quotes.contains { $0.by.slug == slug })
            }
        }
    }

    @Test func documentsKnowWhatSupersedesThem() throws {
        let (chronology, _) = try link(Self.site)
        #expect(chronology.supersededBy == ["19-point-framework": ["28-point-plan"]])
    }

    @Test func indexesFindNotesBySlug() throws {
        let (chronology, _) = try link(Self.site)
        #expect(chronology.eventIndex == ["meeting": 0, "later": 1])
        #expect(chronology.personIndex == ["steve-witkoff": 0, "vladimir-putin": 1, "yuri-ushakov": 2])
        #expect(chronology.documentIndex == ["19-point-framework": 0, "28-point-plan": 1])
    }
}
