/// The files made from every event: `search.json`, `timeline.ics` and
/// `timeline.json`, streamed into the sink one event's part after another
/// around their `ListFrame`s, then the feeds, `robots.txt` and the sitemap.
/// At 100,000 events the parts alone are hundreds of megabytes: without a
/// session's kept parts they are made a slice of events at a time, on all
/// cores, and let go once written.
enum SiteWideFiles {
    typealias File = SiteRenderer.SiteWideFile

    /// Writes the files in `only`; `fragments` are every event's parts, if
    /// already made.
    static func write<Sink: SiteSink>(_ model: RenderModel, only: Set<File>, fragments: [EventFragments]?,
                                      into sink: Sink, slice: Int = 1024) throws(Sink.Failure) {
        let chronology = model.chronology, bodies = model.bodies
        let lists: [(File, String, ListFrame, KeyPath<EventFragments, [UInt8]>)] = [
            (.search, SearchIndex.path, SearchIndex.frame(chronology), \.search),
            (.calendar, ICalendar.path, ICalendar.frame(chronology), \.vevent),
            (.timelineJS, TimelineJSExport.path, TimelineJSExport.frame(chronology), \.slide),
        ].filter { only.contains($0.0) }
        let sitemapBase = only.contains(.sitemap) ? chronology.settings.baseURL : nil
        var updated: [Timestamp] = []
        if !lists.isEmpty || sitemapBase != nil {
            let files = try lists.map { list throws(Sink.Failure) in try sink.open(list.1) }
            let events = chronology.events.indices
            for (file, list) in zip(files, lists) {
                if let fragments {
                    file.reserve(list.2.head.count + list.2.tail.count
                                 + fragments.reduce(0) { $0 + $1[keyPath: list.3].count + list.2.separator.count })
                }
                try file.write(events.isEmpty ? list.2.empty : list.2.head)
            }
            for start in stride(from: 0, to: events.count, by: slice) {
                let range = start..<min(start + slice, events.count)
                let made = fragments.map { Array($0[range]) }
                    ?? parallelMap(Array(range)) { EventFragments($0, chronology, bodies, model.media) }
                for (offset, fragment) in made.enumerated() {
                    for (file, list) in zip(files, lists) {
                        if start + offset > 0 { try file.write(list.2.separator) }
                        try file.write(fragment[keyPath: list.3])
                    }
                    updated.append(fragment.updated)
                }
            }
            for (file, list) in zip(files, lists) {
                if !events.isEmpty { try file.write(list.2.tail) }
                try file.close()
            }
        }
        if only.contains(.feeds) {
            let items = FeedItem.newest(chronology, bodies: bodies, media: model.media, limit: chronology.settings.feedLimit)
            let feeds = [AtomFeed.render(chronology, items: items), JSONFeed.render(chronology, items: items), ChangesFeed.render(chronology)]
            for feed in feeds {
                try sink.write(feed.path, feed.bytes)
            }
        }
        if only.contains(.robots) {
            let robots = Sitemap.robots(base: chronology.settings.baseURL)
            try sink.write(robots.path, robots.bytes)
        }
        if let sitemapBase {
            let sitemap = Sitemap.render(chronology, updated: updated, base: sitemapBase)
            try sink.write(sitemap.path, sitemap.bytes)
        }
    }
}
