import CSodium

/// libsodium's one-time setup (`sodium_init`), done before the first call into it.
enum Sodium {
    private static let initialized: Bool = sodium_init() >= 0

    static func ready() {
        precondition(initialized, "libsodium could not be initialised")
    }
}
