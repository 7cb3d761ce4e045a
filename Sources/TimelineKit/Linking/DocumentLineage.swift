/// How plans evolve: each document may supersede one older document. A cycle
/// (A supersedes B supersedes A) has no oldest version and is an error.
public enum DocumentLineage {
    static func cycles(in documents: [Document]) -> [Diagnostic] {
        let older = Dictionary(uniqueKeysWithValues: documents.compactMap { d in
            d.supersedes.map { (d.source.slug, $0) }
        })
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for document in documents {
            let start = document.source.slug
            var path = [start]
            var current = start
            while let next = older[current]?.slug {
                if next == start {
                    let cycle = path + [start]
                    // The same cycle is found from each of its members: report it once.
                    if reported.insert(path.sorted().joined(separator: ",")).inserted, let ref = older[start] {
                        diagnostics.append(.error(
                            "'supersedes' forms a cycle: \(cycle.joined(separator: " → "))", at: ref.location,
                            hint: "the oldest document must not supersede anything"))
                    }
                    break
                }
                if path.contains(next) { break }  // a cycle not through `start`; reported from its own members
                path.append(next)
                current = next
            }
        }
        return diagnostics
    }

    /// The chain from the oldest ancestor to the newest descendant through
    /// `slug`, following `supersedes` back and its first successor forward.
    public static func chain(through slug: String, in chronology: Chronology) -> [String] {
        var back: [String] = []
        var seen: Set<String> = [slug]
        var current = slug
        while let index = chronology.documentIndex[current],
              let older = chronology.documents[index].supersedes?.slug,
              chronology.documentIndex[older] != nil, seen.insert(older).inserted {
            back.insert(older, at: 0)
            current = older
        }
        var forward: [String] = []
        current = slug
        while let newer = chronology.supersededBy[current]?.first, seen.insert(newer).inserted {
            forward.append(newer)
            current = newer
        }
        return back + [slug] + forward
    }
}
