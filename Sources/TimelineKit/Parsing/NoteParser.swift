/// Turns one note's front matter into its typed model. Field names are the
/// contract's; each parser lists them so unknown ones can be flagged.
enum NoteParser {
    static let articleFields = ["title", "published", "outlet", "author", "url", "excerpt", "archived", "language"]
    static let eventFields = [
        "title", "date", "approximate", "place", "people", "documents", "sources",
        "tags", "status", "quotes", "disputes", "draft", "timezone", "order", "key", "corrections", "updates", "media",
    ]
    static let personFields = ["name", "role", "country", "aliases", "media"]
    static let placeFields = ["name", "country", "coordinates", "aliases", "media"]
    static let documentFields = ["title", "date", "points", "supersedes", "media"]

    static func article(_ f: FieldReader, _ source: NoteSource) -> Article? {
        let title = f.text("title", required: true)
        let published = f.date("published", required: true)
        if let published, published.isRange || published.start.precision != .day || published.hasTime {
            f.error("'published' must be one day, YYYY-MM-DD", at: f.keyLocation("published"))
        }
        let url = webAddress(f, "url")
        let excerpt = f.bool("excerpt")
        if excerpt, url == nil, f.node("url") == nil {
            f.error("an excerpt needs the 'url' of the original it quotes", at: f.keyLocation("excerpt"),
                    hint: "add url: https://... so readers can read the whole report")
        }
        var archived: String?
        if let address = webAddress(f, "archived") {
            if address.lowercased().hasPrefix("https://") {
                archived = address
            } else {
                f.error("'archived' must be an https address", at: f.valueLocation("archived"),
                        hint: "e.g. https://web.archive.org/web/2025/https://example.org/story")
            }
        }
        var language: String?
        if let tag = f.text("language") {
            if SettingsParser.isLanguageTag(tag) {
                language = tag
            } else {
                f.error("'language' must be a BCP 47 tag", at: f.valueLocation("language"), hint: "e.g. en, uk, ru")
            }
        }
        let article = Article(
            source: source, title: title ?? "", published: published?.start ?? PartialDate(year: 1),
            outlet: f.text("outlet"), author: f.text("author"), url: url,
            excerpt: excerpt, archived: archived, language: language)
        f.reportUnknownFields(known: articleFields)
        return title != nil && published != nil ? article : nil
    }

    static func event(_ f: FieldReader, _ source: NoteSource) -> Event? {
        let title = f.text("title", required: true)
        let approximate = f.bool("approximate")
        let timezone = zone(f, "timezone")
        var date = f.date("date", required: true, approximate: approximate)
        if let timezone, let written = date {
            do {
                date = try written.resolved(in: timezone)
            } catch {
                f.error(error.description, at: f.valueLocation("date"))
                date = nil
            }
        }
        var status = EventStatus.reported
        if let word = f.text("status") {
            if let known = EventStatus(rawValue: word) {
                status = known
            } else {
                f.error("unknown status '\(word)'", at: f.keyLocation("status"),
                        hint: "use confirmed, reported or disputed")
            }
        }
        var event = Event(
            source: source, title: title ?? "", date: date ?? EventDate(start: PartialDate(year: 1)),
            dateLocation: f.valueLocation("date"), timezone: timezone, order: f.integer("order") ?? 0, place: f.reference("place"), people: f.references("people"), documents: f.references("documents"),
            sources: f.references("sources"), tags: f.tags("tags"), status: status,
            quotes: quotes(f), disputes: disputes(f), draft: f.bool("draft"), key: f.bool("key"))
        event.corrections = changeNotes(f, .correction, zone: timezone)
        event.updates = changeNotes(f, .update, zone: timezone)
        event.media = MediaParser.media(f)
        f.reportUnknownFields(known: eventFields)
        // A zone written wrong is reported once, not again as a missing zone.
        let zoneRead = timezone != nil || f.node("timezone") == nil
        return title != nil && date != nil && zoneRead ? event : nil
    }

    static func person(_ f: FieldReader, _ source: NoteSource) -> Person? {
        let name = f.text("name", required: true)
        let person = Person(source: source, name: name ?? "", role: f.text("role"), country: f.text("country"),
                            aliases: f.texts("aliases"), media: MediaParser.media(f))
        f.reportUnknownFields(known: personFields)
        return name != nil ? person : nil
    }

    static func place(_ f: FieldReader, _ source: NoteSource) -> Place? {
        let name = f.text("name", required: true)
        let place = Place(source: source, name: name ?? "", country: f.text("country"),
                          coordinates: f.coordinates("coordinates"), aliases: f.texts("aliases"),
                          media: MediaParser.media(f))
        f.reportUnknownFields(known: placeFields)
        return name != nil ? place : nil
    }

    static func document(_ f: FieldReader, _ source: NoteSource) -> Document? {
        let title = f.text("title", required: true)
        let points = f.integer("points")
        if let points, points < 0 {
            f.error("'points' must not be negative", at: f.keyLocation("points"))
        }
        let date = f.date("date")
        if date?.hasTime == true {
            f.error("a document's date is a day, a month or a year, without a time", at: f.valueLocation("date"))
        }
        var document = Document(source: source, title: title ?? "", date: date, points: points,
                                supersedes: f.reference("supersedes"))
        document.media = MediaParser.media(f)
        f.reportUnknownFields(known: documentFields)
        return title != nil ? document : nil
    }

    private static func quotes(_ f: FieldReader) -> [Quote] {
        f.mappings("quotes").compactMap { q in
            let by = q.reference("by")
            let text = q.text("text")
            let source = q.reference("source")
            for (key, value) in [("by", by != nil), ("text", text != nil), ("source", source != nil)] where !value {
                if q.node(key) == nil {
                    q.error("quote is missing '\(key)'", at: q.start, hint: "a quote is {by: PERSON, text: \"...\", source: ARTICLE}")
                }
            }
            q.reportUnknownFields(known: ["by", "text", "source"])
            f.absorb(q)
            guard let by, let text, let source else { return nil }
            return Quote(by: by, text: text, source: source, location: q.valueLocation("text"))
        }
    }

    /// `corrections` or `updates`: each `{date: DAY or MOMENT, text: "..."}`.
    private static func changeNotes(_ f: FieldReader, _ kind: ChangeNote.Kind, zone: Zone?) -> [ChangeNote] {
        let field = kind == .correction ? "corrections" : "updates"
        return f.mappings(field).compactMap { c in
            let text = c.text("text")
            var date = c.date("date")
            for (key, present) in [("date", date != nil), ("text", text != nil)] where !present && c.node(key) == nil {
                c.error("\(kind.rawValue) is missing '\(key)'", at: c.start,
                        hint: "\(kind == .update ? "an" : "a") \(kind.rawValue) is {date: YYYY-MM-DD, text: \"...\"}")
            }
            if let written = date, written.isRange || written.start.precision != .day {
                c.error("a \(kind.rawValue)'s date is one day or one moment", at: c.valueLocation("date"),
                        hint: "write YYYY-MM-DD or YYYY-MM-DDTHH:MM+03:00")
                date = nil
            }
            if let zone, let written = date {
                do throws(DateParseError) { date = try written.resolved(in: zone) } catch {
                    c.error(error.description, at: c.valueLocation("date"))
                    date = nil
                }
            }
            c.reportUnknownFields(known: ["date", "text"])
            let location = c.start
            f.absorb(c)
            guard let date, let text else { return nil }
            return ChangeNote(kind: kind, date: date, text: text, location: location)
        }
    }

    private static func disputes(_ f: FieldReader) -> [Dispute] {
        f.mappings("disputes").compactMap { d in
            let about = d.text("about", required: true)
            let claims: [Claim] = d.mappings("claims").compactMap { c in
                let source = c.reference("source")
                let says = c.text("says", required: true)
                if c.node("source") == nil {
                    c.error("claim is missing 'source'", at: c.start, hint: "a claim is {source: ARTICLE, says: \"...\"}")
                }
                c.reportUnknownFields(known: ["source", "says"])
                d.absorb(c)
                guard let source, let says else { return nil }
                return Claim(source: source, says: says, location: c.valueLocation("says"))
            }
            if d.node("claims") == nil {
                d.error("dispute is missing 'claims'", at: d.start, hint: "list what each source says")
            } else if claims.count < 2 && d.diagnostics.isEmpty {
                d.error("a dispute needs at least two claims", at: d.start, hint: "add what the other source says")
            }
            let finding = d.node("finding").flatMap { node in d.nested(node, what: "finding") }.flatMap { g -> Finding? in
                let text = g.text("text", required: true)
                let sources = g.references("sources")
                if g.node("sources") == nil {
                    g.error("a finding needs the 'sources' it rests on", at: g.start, hint: "add sources: [ARTICLE]")
                }
                g.reportUnknownFields(known: ["text", "sources"])
                d.absorb(g)
                guard let text else { return nil }
                return Finding(text: text, sources: sources)
            }
            d.reportUnknownFields(known: ["about", "claims", "finding"])
            f.absorb(d)
            guard let about else { return nil }
            return Dispute(about: about, claims: claims, finding: finding)
        }
    }

    /// An IANA zone name, or an error with the closest one.
    static func zone(_ f: FieldReader, _ key: String) -> Zone? {
        guard let name = f.text(key) else { return nil }
        guard let zone = Zone(identifier: name) else {
            f.error("unknown time zone '\(name)'", at: f.valueLocation(key),
                    hint: Zone.suggestion(for: name).map { "did you mean '\($0)'?" } ?? "use an IANA name such as Europe/Kyiv or UTC")
            return nil
        }
        return zone
    }

    /// `url` fields end up in `href`s: only http and https may, never
    /// `javascript:` or `data:`.
    static func webAddress(_ f: FieldReader, _ key: String) -> String? {
        guard let url = f.text(key) else { return nil }
        let lower = url.lowercased()
        guard (lower.hasPrefix("https://") || lower.hasPrefix("http://")), url.count > 8,
              !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" })
        else {
            f.error("'\(key)' must be an http or https address", at: f.keyLocation(key),
                    hint: "e.g. https://example.org/story")
            return nil
        }
        return url
    }
}
