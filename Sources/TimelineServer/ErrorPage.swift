/// What the browser shows while the content has errors: every message, and
/// the live-reload script so the page returns by itself once fixed. Written
/// here rather than in `Templates/`, because it must work when the templates
/// are what is broken.
enum ErrorPage {
    static func html(_ problems: [String]) -> [UInt8] {
        let items = problems.map { "<li><code>\(escape($0))</code></li>" }.joined(separator: "\n")
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · timeline serve</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}
            h1{color:#a4000f}li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-word}</style>
            </head>
            <body>
            <h1>The site could not be built</h1>
            <p>Fix these and save: this page reloads by itself.</p>
            <ol id="timeline-errors">
            \(items)
            </ol>
            </body>
            </html>

            """
        return LiveReload.inject(into: Array(page.utf8))
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
