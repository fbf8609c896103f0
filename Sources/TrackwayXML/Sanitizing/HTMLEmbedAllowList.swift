/// The `<iframe>` sources a post may keep: players of the services WordPress embeds, by their
/// https embed URL. Anything else framed in the archive would run its own script beside the
/// console's origin, so every other iframe is dropped.
public enum HTMLEmbedAllowList {
    /// URL prefixes, lowercase; a `src` must start with one of them (scheme and host compared
    /// without case). Each ends with the path's first `/` after the host, so no userinfo,
    /// port or longer host name can pass.
    public static let prefixes: [String] = [
        "https://www.youtube.com/embed/",
        "https://youtube.com/embed/",
        "https://www.youtube-nocookie.com/embed/",
        "https://youtube-nocookie.com/embed/",
        "https://player.vimeo.com/video/",
        "https://w.soundcloud.com/player/",
        "https://www.slideshare.net/slideshow/embed_code/",
        "https://open.spotify.com/embed/",
        "https://www.dailymotion.com/embed/",
    ]

    /// True when `src` is an embed player's URL: one of `prefixes`, no whitespace, control
    /// character or backslash anywhere (browsers would read those otherwise than we do), and no
    /// `..` segment to climb out of the player's path.
    public static func allows(_ src: String) -> Bool {
        guard !src.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }),
              !src.contains("/..") && !src.lowercased().contains("%2e") else { return false }
        let lowered = src.lowercased()
        return prefixes.contains { lowered.hasPrefix($0) && lowered.count > $0.count }
    }
}
