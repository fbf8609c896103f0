extension Schema {
    // The owner's spam rules, one row a rule, its value the text WordPress keeps in the option
    // (lists one entry a line). Every change bumps spam_rules_version, whatever made it (the CLI,
    // the console, sqlite3 by hand), so a running gateway sees it with one cheap read.
    // On comments: the rule that decided a received ping's fate and what it matched, and the
    // status a ping had before it went to spam or trash (WordPress's _wp_trash_meta_status).
    // A webmention request keeps its sender's user agent for the rules, matched once it is checked.
    static let spamRules = """
    CREATE TABLE spam_rules (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE spam_rules_version (version INTEGER NOT NULL);
    INSERT INTO spam_rules_version(version) VALUES (0);
    CREATE TRIGGER spam_rules_inserted AFTER INSERT ON spam_rules BEGIN UPDATE spam_rules_version SET version = version + 1; END;
    CREATE TRIGGER spam_rules_updated AFTER UPDATE ON spam_rules BEGIN UPDATE spam_rules_version SET version = version + 1; END;
    CREATE TRIGGER spam_rules_deleted AFTER DELETE ON spam_rules BEGIN UPDATE spam_rules_version SET version = version + 1; END;
    ALTER TABLE comments ADD COLUMN spam_rule TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN spam_rule_match TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN status_before TEXT NOT NULL DEFAULT '';
    ALTER TABLE webmention_requests ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
    """
}
