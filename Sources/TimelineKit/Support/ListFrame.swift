/// A file that lists every event, split around its list: what comes
/// before the first entry, between two entries, and after the last. The
/// whole file is `head + e1 + separator + e2 … + tail`, so it is written one
/// entry at a time (`SiteWideFiles`), never held whole. A file with no
/// entries may differ (JSON writes an empty array `[]`): that is `empty`.
struct ListFrame {
    let head: [UInt8]
    let separator: [UInt8]
    let tail: [UInt8]
    let empty: [UInt8]

    /// The frame of a JSON document whose list of entries is the array
    /// `document` is given; `trailer` follows the document. Found by
    /// serialising the document around two placeholder entries: JSON text
    /// never holds a raw NUL (strings escape it), so the placeholders are
    /// found exactly.
    static func json(pretty: Bool, trailer: [UInt8] = [], _ document: (JSON) -> JSON) -> ListFrame {
        let bytes = document(.array([.raw([0]), .raw([0])])).serializedBytes(pretty: pretty)
        let first = bytes.firstIndex(of: 0)!
        let second = bytes[(first + 1)...].firstIndex(of: 0)!
        return ListFrame(head: Array(bytes[..<first]), separator: Array(bytes[(first + 1)..<second]),
                         tail: Array(bytes[(second + 1)...]) + trailer,
                         empty: document(.array([])).serializedBytes(pretty: pretty) + trailer)
    }
}
