import Foundation

/// A video, post or document on another site, recognised from its address.
/// The page shows a card linking to it; only when the reader presses the
/// card's button does the browser load `embedURL` from the host.
public struct RemoteMedia: Sendable, Equatable {
    public enum Host: String, Sendable, CaseIterable {
        case youtube, vimeo, bluesky, x, mastodon, documentcloud

        /// How the card names it.
        public var displayName: String {
            switch self {
            case .youtube: return "YouTube"
            case .vimeo: return "Vimeo"
            case .bluesky: return "Bluesky"
            case .x: return "X"
            case .mastodon: return "Mastodon"
            case .documentcloud: return "DocumentCloud"
            }
        }

        /// What the card holds: "video", "post" or "document".
        public var kind: String {
            switch self {
            case .youtube, .vimeo: return "video"
            case .bluesky, .x, .mastodon: return "post"
            case .documentcloud: return "document"
            }
        }
    }

    public var host: Host
    /// The address as written, made https.
    public var url: String
    /// What the card's button loads into a frame.
    public var embedURL: String
    /// `http://` was written: it works, but `check` asks for https.
    public var wasPlainHTTP: Bool

    public enum Refusal: Error, Equatable {
        /// `javascript:`, `data:` and every scheme but https and http.
        case scheme(String)
        /// An https address on a site whose player Timeline does not know.
        case unknownHost(String)
        /// A known host, but not an address of one video, post or document.
        case notAnItem(Host)
    }

    /// Recognises `address`, or says why not.
    public static func recognise(_ address: String) -> Result<RemoteMedia, Refusal> {
        let lower = address.lowercased()
        let plain = lower.hasPrefix("http://")
        guard plain || lower.hasPrefix("https://") else {
            return .failure(.scheme(String(lower.prefix { $0 != ":" })))
        }
        guard let components = URLComponents(string: address), let rawHost = components.host?.lowercased(),
              !rawHost.isEmpty, !address.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            return .failure(.unknownHost(address))
        }
        let host = rawHost.hasPrefix("www.") ? String(rawHost.dropFirst(4)) : rawHost
        let path = components.percentEncodedPath.split(separator: "/").map(String.init)
        var secure = components
        secure.scheme = "https"
        let url = secure.string ?? address
        func found(_ kind: Host, _ embed: String) -> Result<RemoteMedia, Refusal> {
            .success(RemoteMedia(host: kind, url: url, embedURL: embed, wasPlainHTTP: plain))
        }
        switch host {
        case "youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com":
            let id: String?
            if host == "youtu.be" {
                id = path.first
            } else if path.first == "watch" {
                id = components.queryItems?.first { $0.name == "v" }?.value
            } else if path.count >= 2, ["shorts", "embed", "live"].contains(path[0]) {
                id = path[1]
            } else {
                id = nil
            }
            guard let id, isToken(id, length: 11...11) else { return .failure(.notAnItem(.youtube)) }
            return found(.youtube, "https://www.youtube-nocookie.com/embed/\(id)?autoplay=1")
        case "vimeo.com", "player.vimeo.com":
            guard let id = path.last(where: { $0.allSatisfy(\.isNumber) }), (6...12).contains(id.count) else {
                return .failure(.notAnItem(.vimeo))
            }
            return found(.vimeo, "https://player.vimeo.com/video/\(id)?dnt=1&autoplay=1")
        case "bsky.app":
            guard path.count == 4, path[0] == "profile", path[2] == "post", isToken(path[1], length: 3...253, extra: ".:"),
                  isToken(path[3], length: 1...64) else { return .failure(.notAnItem(.bluesky)) }
            return found(.bluesky, "https://embed.bsky.app/embed/\(path[1])/app.bsky.feed.post/\(path[3])")
        case "x.com", "twitter.com", "mobile.twitter.com":
            guard path.count >= 3, path[1] == "status", isToken(path[0], length: 1...15),
                  path[2].allSatisfy(\.isNumber), !path[2].isEmpty else { return .failure(.notAnItem(.x)) }
            return found(.x, "https://platform.twitter.com/embed/Tweet.html?id=\(path[2])&dnt=true")
        case "documentcloud.org", "embed.documentcloud.org", "beta.documentcloud.org":
            guard path.count >= 2, path[0] == "documents", isToken(path[1], length: 1...200) else {
                return .failure(.notAnItem(.documentcloud))
            }
            return found(.documentcloud, "https://embed.documentcloud.org/documents/\(path[1])/?embed=1")
        default:
            // Mastodon runs on many hosts; its posts are /@user/NUMBER on any of them.
            if path.count == 2, path[0].hasPrefix("@"), isToken(String(path[0].dropFirst()), length: 1...64),
               path[1].allSatisfy(\.isNumber), !path[1].isEmpty {
                return found(.mastodon, "https://\(rawHost)/\(path[0])/\(path[1])/embed")
            }
            return .failure(.unknownHost(rawHost))
        }
    }

    /// ASCII letters, digits, `-`, `_` and `extra`, of a length in `length`.
    private static func isToken(_ text: String, length: ClosedRange<Int>, extra: String = "") -> Bool {
        length.contains(text.count) && text.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || extra.unicodeScalars.contains($0))
        }
    }
}
