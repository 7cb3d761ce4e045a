import Mustache

/// One event of a list, for templates that iterate `events` themselves: its
/// values are built only if a template asks for them.
struct EventListEntry: MustacheParent {
    let index: Int
    let builder: ContextBuilder
    let links: PageLinks

    func child(named name: String) -> Any? {
        builder.eventItem(index, links)[name]
    }
}
