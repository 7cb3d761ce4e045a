/// The site-wide files of a one-shot build, written into the staging folder
/// a slice of events at a time: each event's fragments (its entry in
/// `search.json`, its VEVENT, its TimelineJS slide) are made for one slice
/// on all cores, appended to the three files in chronological order and let
/// go. At 100,000 events the fragments alone are hundreds of megabytes;
/// this holds one slice's. The bytes are those of `SiteRenderer.formats`,
/// since both join the same fragments into the same `ListFrame`s.
enum StreamedFormats {
    /// The paths written, all at the site root.
    static func paths(_ chronology: Chronology) -> [String] {
        var paths = [SearchIndex.path, AtomFeed.path, JSONFeed.path, ICalendar.path, TimelineJSExport.path, "robots.txt"]
        if chronology.settings.baseURL != nil { paths.append(Sitemap.path) }
        return paths
    }

    static func write(_ chronology: Chronology, bodies: NoteBodies, into staging: StagingFolder,
                      slice: Int = 1024) throws(SiteWriter.Failure) {
        let frames = [SearchIndex.frame(chronology), ICalendar.frame(chronology), TimelineJSExport.frame(chronology)]
        let parts: [KeyPath<EventFragments, [UInt8]>] = [\.search, \.vevent, \.slide]
        let files = [try staging.open(SearchIndex.path), try staging.open(ICalendar.path), try staging.open(TimelineJSExport.path)]
        let events = chronology.events.indices
        var updated: [PartialDate] = []
        updated.reserveCapacity(events.count)
        for (file, frame) in zip(files.indices, frames) {
            try files[file].write(events.isEmpty ? frame.empty : frame.head)
        }
        for start in stride(from: 0, to: events.count, by: slice) {
            let fragments = parallelMap(Array(start..<min(start + slice, events.count))) { EventFragments($0, chronology, bodies) }
            for (offset, fragment) in fragments.enumerated() {
                for (file, frame) in zip(files.indices, frames) {
                    if start + offset > 0 { try files[file].write(frame.separator) }
                    try files[file].write(fragment[keyPath: parts[file]])
                }
                updated.append(fragment.updated)
            }
        }
        for (file, frame) in zip(files.indices, frames) where !events.isEmpty {
            try files[file].write(frame.tail)
        }
        for file in files { try file.close() }

        let items = FeedItem.newest(chronology, bodies: bodies, limit: chronology.settings.feedLimit)
        var whole = [AtomFeed.render(chronology, items: items), JSONFeed.render(chronology, items: items),
                     Sitemap.robots(base: chronology.settings.baseURL)]
        if let base = chronology.settings.baseURL {
            whole.append(Sitemap.render(chronology, updated: updated, base: base))
        }
        for file in whole { try staging.write(file) }
    }
}
