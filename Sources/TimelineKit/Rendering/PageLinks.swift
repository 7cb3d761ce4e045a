/// Links from one page to the others. Pages link relatively (`../../people/x/index.html`),
/// so `Public/` works from any sub-path of a host and from `file://`; the
/// explicit `index.html` is what makes `file://` browsing work.
struct PageLinks {
    /// From the current page back to the site root: `""`, `"../"` or `"../../"`.
    let root: String

    init(folder: String) {
        root = String(repeating: "../", count: folder.split(separator: "/").count)
    }

    /// For the 404 page, which a host serves at any path, the root is the
    /// site's base path; for list items, the root of the pages listing them.
    init(root: String) {
        self.root = root
    }

    /// The root as seen from every note page (`events/SLUG/index.html`).
    static let notePageRoot = "../../"

    var home: String { root + "index.html" }
    func list(_ kind: NoteKind) -> String { root + kind.folder + "/index.html" }
    func note(_ kind: NoteKind, _ slug: String) -> String { root + "\(kind.folder)/\(slug)/index.html" }
    var tagList: String { root + "tags/index.html" }
    func tag(_ tag: String) -> String { root + "tags/\(tag)/index.html" }
    func asset(_ name: String) -> String { root + "assets/" + name }
}
