import CLibXML2
import Foundation

/// A built page parsed by libxml2's HTML parser (as tolerant as a browser of
/// HTML5 elements), queried with XPath, so tests assert structure (this link
/// inside that box), not substrings.
final class HTMLPage {
    private let document: htmlDocPtr
    let path: String

    struct ParseError: Error { let path: String }

    init(_ url: URL) throws {
        path = url.path
        let data = try Data(contentsOf: url)
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), url.path, "UTF-8", options)
        }
        guard let parsed else { throw ParseError(path: path) }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Text of every node matching `xpath`, white space runs folded to one space.
    func texts(_ xpath: String) -> [String] {
        evaluate(xpath) { node in
            guard let content = xmlNodeGetContent(node) else { return "" }
            defer { free(content) }
            return String(cString: content).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    func text(_ xpath: String) -> String? { texts(xpath).first }

    /// Attribute values, e.g. `attributes("//nav//a", "href")`.
    func attributes(_ xpath: String, _ name: String) -> [String] {
        evaluate(xpath) { node -> String? in
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { free(value) }
            return String(cString: value)
        }.compactMap { $0 }
    }

    func count(_ xpath: String) -> Int { evaluate(xpath) { _ in () }.count }

    private func evaluate<T>(_ xpath: String, _ transform: (xmlNodePtr) -> T) -> [T] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { i in set.pointee.nodeTab[i].map(transform) }
    }
}
