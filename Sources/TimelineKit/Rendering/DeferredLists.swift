/// Event lists left out of a page while its template renders, and written
/// straight into the file after: the chronology at 100,000 events is a
/// 111 MB page, and rendering it whole holds its lists twice over (the
/// lists, then the page that contains them). Each list's `eventsHTML` is a
/// marker instead; the markers are then replaced, in a stream, by the
/// lists, rendered one at a time.
///
/// The splice is only taken when it gives the same bytes: each marker must
/// appear exactly once, in order. A template that escapes, transforms,
/// repeats or drops `eventsHTML` changes or loses the markers (they hold a
/// `<`, which escaping changes, and letters of both cases), and the page is
/// rendered whole instead.
final class DeferredLists: @unchecked Sendable {
    private(set) var lists: [(indexes: [Int], variant: EventItems.Variant)] = []

    /// The stand-in for one list. NUL never reaches a template otherwise:
    /// files with NUL bytes, and text fields with control characters (which
    /// YAML escapes can write), are refused on load.
    func marker(for indexes: [Int], _ variant: EventItems.Variant) -> String {
        lists.append((indexes, variant))
        return Self.marker(lists.count - 1)
    }

    private static func marker(_ number: Int) -> String { "\u{0}<TimelineList \(number)>\u{0}" }

    /// Hands on `page` with each marker (at `markers`, from `positions`)
    /// replaced by its list, in order: the text before the first marker, the
    /// first list, and so on, then the rest. `list` makes each list when its
    /// turn comes, so a page streamed to a file holds one list at a time.
    func splice<E: Error>(_ page: String, at markers: [Range<Int>], list: (Int) -> [UInt8],
                          into emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        var page = page
        try page.withUTF8 { bytes in
            Result { () throws(E) in
                var offset = 0
                for (number, marker) in markers.enumerated() {
                    try emit(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset..<marker.lowerBound])))
                    try list(number).withUnsafeBytes { html in Result { () throws(E) in try emit(html) } }.get()
                    offset = marker.upperBound
                }
                try emit(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset...])))
            }
        }.get()
    }

    /// Where each marker sits in `page`, as UTF-8 offsets, or nil when the
    /// markers are not each there once and in order.
    func positions(in page: String) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        var page = page
        let found = page.withUTF8 { bytes -> Bool in
            var offset = 0
            while let nul = bytes[offset...].firstIndex(of: 0) {
                let expected = Array(Self.marker(ranges.count).utf8)
                guard ranges.count < lists.count, bytes.count - nul >= expected.count,
                      bytes[nul..<nul + expected.count].elementsEqual(expected) else { return false }
                ranges.append(nul..<nul + expected.count)
                offset = nul + expected.count
            }
            return true
        }
        return found && ranges.count == lists.count ? ranges : nil
    }
}

/// A page rendered with its event lists left as markers, ready to be
/// spliced: what both the streamed chronology and a patched page start from.
struct DeferredPage {
    let text: String
    let markers: [Range<Int>]
    let lists: DeferredLists
    /// Without deferred lists: it makes the lists spliced in.
    let builder: ContextBuilder

    /// `page` rendered with its lists as markers; nil when its template
    /// does not allow the splice, and the page must be rendered whole.
    init?(_ page: Page, _ builder: ContextBuilder, _ templates: TemplateSet) {
        var deferring = builder
        let lists = DeferredLists()
        deferring.deferredLists = lists
        let text = templates.render(page.template, deferring.context(for: page))
        guard let markers = lists.positions(in: text) else { return nil }
        (self.text, self.markers, self.lists, self.builder) = (text, markers, lists, builder)
    }

    /// The items of list `number`, as UTF-8.
    func list(_ number: Int) -> [UInt8] {
        builder.listUTF8(lists.lists[number].indexes, lists.lists[number].variant)
    }

    /// Hands on the page with its lists in (see `DeferredLists.splice`).
    func splice<E: Error>(list: (Int) -> [UInt8], into emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        try lists.splice(text, at: markers, list: list, into: emit)
    }
}
