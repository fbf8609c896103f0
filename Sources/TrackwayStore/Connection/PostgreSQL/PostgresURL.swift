import TrackwayCore

/// A PostgreSQL database named by a `postgresql://user:password@host:port/dbname?option=value`
/// URL (or `postgres://`), checked field by field so that a mistake gets a clear error.
///
/// ```swift
/// let url = try PostgresURL(parsing: "postgres://app:s3cret@127.0.0.1:5433/trackway?sslmode=disable")
/// url.database   // "trackway"
/// print(url)     // "postgres://app@127.0.0.1:5433/trackway?sslmode=disable"
/// ```
///
/// Neither `description` nor any error message carries the password. Fields the URL leaves out
/// (user, password, port) are left to libpq and its environment (`PGPASSWORD`, `~/.pgpass`).
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public let scheme: String
    public let user: String?
    let password: String?
    public let host: String
    public let port: Int?
    public let database: String
    /// libpq connection options from the query string, in order.
    public let options: [(key: String, value: String)]

    /// The query options libpq reads that a URL may set; any other is refused as a likely typo.
    static let knownOptions: Set<String> = [
        "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslcompression", "sslcrl",
        "connect_timeout", "application_name", "options", "target_session_attrs", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
        "passfile", "channel_binding", "gssencmode", "krbsrvname", "service",
    ]

    static func hasPostgresScheme(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(parsing text: String) throws {
        guard Self.hasPostgresScheme(text) else {
            throw Self.error("must start with postgresql:// or postgres://")
        }
        scheme = text.hasPrefix("postgresql://") ? "postgresql" : "postgres"
        var rest = Substring(text.dropFirst(scheme.count + 3))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else {
            throw Self.error("names no database (expected postgresql://user@host:port/dbname)")
        }
        var authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decoded(userInfo[..<colon], field: "user")
                password = try Self.decoded(userInfo[userInfo.index(after: colon)...], field: "password")
            } else {
                user = try Self.decoded(userInfo, field: "user")
                password = nil
            }
        } else {
            user = nil
            password = nil
        }
        var hostText = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw Self.error("has an IPv6 host without its closing ]") }
            hostText = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw Self.error("has '\(after)' after its host")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostText = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        host = try Self.decoded(hostText, field: "host")
        guard !host.isEmpty else { throw Self.error("names no host (expected postgresql://user@host:port/dbname)") }
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw Self.error("has port '\(portText)', expected a number from 1 to 65535")
            }
            port = number
        } else {
            port = nil
        }
        database = try Self.decoded(path, field: "database name")
        guard !database.isEmpty else {
            throw Self.error("names no database (expected postgresql://user@host:port/dbname)")
        }
        guard !database.contains("/") else { throw Self.error("has a database name with '/' in it") }
        var options: [(key: String, value: String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else { throw Self.error("has option '\(pair)' without a value") }
            let key = try Self.decoded(pair[..<equals], field: "option name")
            guard Self.knownOptions.contains(key) else {
                throw Self.error("has unknown option '\(key)' (libpq's connection options, such as sslmode or connect_timeout)")
            }
            options.append((key, try Self.decoded(pair[pair.index(after: equals)...], field: "option \(key)")))
        }
        self.options = options
    }

    /// The URL as given, without the password.
    public var description: String {
        var text = scheme + "://"
        if let user { text += Self.encoded(user) + "@" }
        text += host.contains(":") ? "[\(host)]" : Self.encoded(host)
        if let port { text += ":\(port)" }
        text += "/" + Self.encoded(database)
        if !options.isEmpty {
            text += "?" + options.map { Self.encoded($0.key) + "=" + Self.encoded($0.value) }.joined(separator: "&")
        }
        return text
    }

    /// The same server with another database: for tools that create and drop databases.
    public func with(database name: String) -> PostgresURL {
        PostgresURL(scheme: scheme, user: user, password: password, host: host, port: port, database: name, options: options)
    }

    /// libpq's connection keywords and values for this URL (the password among them).
    var connectionParameters: [(key: String, value: String)] {
        var parameters: [(key: String, value: String)] = [("host", host), ("dbname", database)]
        if let port { parameters.append(("port", String(port))) }
        if let user { parameters.append(("user", user)) }
        if let password { parameters.append(("password", password)) }
        parameters.append(("client_encoding", "UTF8"))
        if !options.contains(where: { $0.key == "application_name" }) {
            parameters.append(("application_name", "trackway"))
        }
        return parameters + options
    }

    public static func == (lhs: PostgresURL, rhs: PostgresURL) -> Bool {
        lhs.description == rhs.description && lhs.password == rhs.password
    }

    private init(scheme: String, user: String?, password: String?, host: String, port: Int?, database: String, options: [(key: String, value: String)]) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.options = options
    }

    private static func error(_ problem: String) -> StoreError {
        StoreError.invalid("database URL \(problem)")
    }

    /// Percent-decodes one field; a bad escape is an error that names the field, not its text
    /// (it may be the password).
    private static func decoded(_ text: Substring, field: String) throws -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next()?.hexDigitValue, let low = iterator.next()?.hexDigitValue else {
                throw error("has a bad percent escape in its \(field)")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw error("has a \(field) that is not UTF-8")
        }
        return decoded
    }

    private static func encoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
