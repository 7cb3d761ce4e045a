/// `timeline.json`: the chronology in TimelineJS3's JSON format, so a
/// newsroom can load our data into TimelineJS unchanged. Dates carry only the
/// precision we know. TimelineJS inserts headlines and texts as HTML, so
/// every plain-text field is escaped; `text.text` is the rendered body.
enum TimelineJSExport {
    static let path = "timeline.json"

    /// How deep a slide sits in the file: in `events`, in the top object.
    static let slideDepth = 2

    /// The file around its slides, for writing it one slide at a time.
    static func frame(_ chronology: Chronology) -> ListFrame {
        ListFrame.json(pretty: true, trailer: [0x0A]) { document(chronology, $0) }
    }

    private static func document(_ chronology: Chronology, _ events: JSON) -> JSON {
        let settings = chronology.settings
        var title: [(String, JSON)] = [("headline", .string(XMLText.escape(settings.title)))]
        if let description = settings.description { title.append(("text", .string(XMLText.escape(description)))) }
        return JSON.object([
            ("title", .object([("text", .object(title))])),
            ("events", events),
        ])
    }

    /// One event as a TimelineJS slide.
    static func slide(_ item: FeedItem) -> JSON {
        let event = item.event
        var slide: [(String, JSON)] = [("start_date", date(event.date.start, event.date.startTime))]
        if let end = event.date.end { slide.append(("end_date", date(end, event.date.endTime))) }
        slide.append(("display_date", .string(event.date.display)))
        slide.append(("text", .object([("headline", .string(XMLText.escape(event.title))), ("text", .string(item.contentHTML))])))
        if let media = item.media {
            var fields: [(String, JSON)] = [("url", .string(media.url))]
            if let caption = media.caption { fields.append(("caption", .string(XMLText.escape(caption)))) }
            if let credit = media.credit { fields.append(("credit", .string(XMLText.escape(credit)))) }
            if let alt = media.alt { fields.append(("alt", .string(alt))) }
            if let thumbnail = media.thumbnail { fields.append(("thumbnail", .string(thumbnail))) }
            slide.append(("media", .object(fields)))
        }
        if let first = event.tags.first { slide.append(("group", .string(first))) }
        slide.append(("unique_id", .string(event.source.slug)))
        return .object(slide)
    }

    /// `{"year": "2025", "month": "11"}`: strings, as TimelineJS's own
    /// examples write them; `hour` and `minute` on the clocks where it happened.
    static func date(_ date: PartialDate, _ time: ClockTime?) -> JSON {
        var fields: [(String, JSON)] = [("year", .string(String(date.year)))]
        if let month = date.month { fields.append(("month", .string(String(month)))) }
        if let day = date.day { fields.append(("day", .string(String(day)))) }
        if let time {
            fields.append(("hour", .string(String(time.hour))))
            fields.append(("minute", .string(String(time.minute))))
        }
        return .object(fields)
    }
}
