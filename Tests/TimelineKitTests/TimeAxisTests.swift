import Testing
@testable import TimelineKit

@Suite struct TimeAxisTests {
    func axis(_ files: [SourceFile]) throws -> TimeAxis {
        let (chronology, problems) = try link(files)
        #expect(problems == [])
        return try #require(TimeAxis(events: chronology.events, groupID: { ContextBuilder.groupID(of: $0.date.start) },
                                     eventHref: { "events/\($0.source.slug)/index.html" }))
    }

    @Test func fewEventsGetOneLabelledRowEachPlacedInProportionToTheirDates() throws {
        let axis = try axis([
            event("a", title: "First", date: "2025-11-01"),
            event("b", title: "Middle", date: "2025-11-16"),
            event("c", title: "Range", date: "2025-11-29/2025-11-30"),
        ])
        #expect(axis.bars.isEmpty)
        #expect(axis.marks.map(\.label) == ["First", "Middle", "Range"])
        #expect(axis.marks.map(\.shape) == [.point, .point, .range])
        #expect(axis.marks.map(\.href) == ["events/a/index.html", "events/b/index.html", "events/c/index.html"])
        // 30 days from 1 to 30 November over 696 units: 23.2 units a day; a dot sits
        // mid-day, a range starts where its first day does.
        #expect(axis.marks.map { TimeAxis.svg($0.x) } == ["23.6", "371.6", "661.6"])
        #expect(TimeAxis.svg(axis.marks[2].width) == "46.4")
        #expect(Set(axis.marks.map(\.y)).count == 3)
        #expect(axis.ticks.map(\.label) == ["3 Nov", "10 Nov", "17 Nov", "24 Nov"])
    }

    @Test func sameDayEventsStayOnSeparateRows() throws {
        let axis = try axis([event("a", title: "One", date: "2025-12-02"), event("b", title: "Two", date: "2025-12-02")])
        #expect(axis.marks.map(\.x) == [axis.marks[0].x, axis.marks[0].x])
        #expect(axis.marks[1].y - axis.marks[0].y == TimeAxis.rowHeight)
    }

    @Test func aMonthKnownOnlyRoughlyIsAPaleBarAcrossTheMonth() throws {
        let axis = try axis([event("a", title: "Sometime", date: "2025-11", "approximate: true"),
                             event("b", title: "Later", date: "2025-12-15")])
        #expect(axis.marks[0].shape == .period)
        #expect(axis.marks[0].approximate)
        #expect(axis.marks[0].width > 300)
    }

    @Test func aLongLabelIsShortenedToItsRoom() {
        #expect(TimeAxis.fit("Witkoff and Kushner meet Putin in Moscow", in: 64) == "Witkoff…")
        #expect(TimeAxis.fit("Short", in: 64) == "Short")
        #expect(TimeAxis.fit("Supercalifragilistic", in: 64) == "Supercali…")
    }

    @Test func manyEventsAreCountedPerMonthWithBarsLinkingToTheList() throws {
        var files: [SourceFile] = []
        for i in 0..<45 {
            let month = i < 30 ? "2024-03" : "2025-07"
            files.append(event("e\(i)", title: "Event \(i)", date: "\(month)-\(10 + i % 10)"))
        }
        let axis = try axis(files)
        #expect(axis.marks.isEmpty)
        #expect(axis.bars.map(\.title) == ["March 2024: 30 events", "July 2025: 15 events"])
        #expect(axis.bars.map(\.href) == ["#m2024-03", "#m2025-07"])
        #expect(axis.bars[0].height == TimeAxis.histogramHeight)
        #expect(axis.bars[1].height == TimeAxis.histogramHeight / 2)
        #expect(axis.ticks.map(\.label).first == "Mar 2024")
    }

    @Test func decadesAreCountedPerYearWithYearTicks() throws {
        var files = (0..<41).map { event("e\($0)", title: "E\($0)", date: "\(1990 + $0 % 3)-06-01") }
        files.append(event("late", title: "Late", date: "2025-01-01"))
        let axis = try axis(files)
        #expect(axis.bars.map(\.title) == ["1990: 14 events", "1991: 14 events", "1992: 13 events", "2025: 1 event"])
        #expect(axis.ticks.map(\.label) == ["1990", "1995", "2000", "2005", "2010", "2015", "2020", "2025"])
    }
}

@Suite struct LineageDiagramTests {
    @Test func aChainStaysOnOneRowAndLoneDocumentsGetTheirOwn() throws {
        let (chronology, _) = try link([
            note(.document, "plan-28", "title: \"28\"\ndate: \"2025-11\""),
            note(.document, "plan-19", "title: \"19\"\ndate: \"2025-11-23\"\nsupersedes: plan-28"),
            note(.document, "plan-20", "title: \"20\"\ndate: \"2025-12\"\nsupersedes: plan-19"),
            note(.document, "annex", "title: \"Annex\"\ndate: \"2025-12-02\""),
        ])
        let diagram = try #require(LineageDiagram(chronology: chronology))
        #expect(diagram.nodes.map { "\($0.slug)@\($0.row),\($0.column)" } == ["plan-28@0,0", "plan-19@0,1", "plan-20@0,2", "annex@1,0"])
        #expect(diagram.edges.map { "\($0.from)>\($0.to)" } == ["plan-28>plan-19", "plan-19>plan-20"])
        #expect((diagram.columns, diagram.rows) == (3, 2))
    }

    @Test func aBranchOpensARow() throws {
        let (chronology, _) = try link([
            document("root"), document("left", supersedes: "root"), document("right", supersedes: "root"),
        ])
        let diagram = try #require(LineageDiagram(chronology: chronology))
        #expect(diagram.nodes.map { "\($0.slug)@\($0.row),\($0.column)" } == ["root@0,0", "left@0,1", "right@1,1"])
    }
}
