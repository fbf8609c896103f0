extension Schema {
    // The owner's spam rules, one row a rule, its value the text WordPress keeps in the option
    // (lists one entry a line). Every change bumps spam_rules_version, whatever made it (the CLI,
    // the console, sqlite3 by hand), so a running gateway sees it with one cheap read.
    // On comments: the rule that decided a received ping's fate and what it matched, and the
    // status a ping had before it went to spam or trash (WordPress's _wp_trash_meta_status).
    // A webmention request keeps its sender's user agent for the rules, matched once it is checked.
    static let spamRules = spamRulesTables + """
    CREATE TRIGGER spam_rules_inserted AFTER INSERT ON spam_rules BEGIN UPDATE spam_rules_version SET version = version + 1; END;
    CREATE TRIGGER spam_rules_updated AFTER UPDATE ON spam_rules BEGIN UPDATE spam_rules_version SET version = version + 1; END;
    CREATE TRIGGER spam_rules_deleted AFTER DELETE ON spam_rules BEGIN UPDATE spam_rules_version SET version = version + 1; END;

    """ + spamRulesColumns

    /// Migration 9 on PostgreSQL, whose triggers call a function: one trigger for the three changes.
    static let spamRulesOnPostgres = PostgresDialect.schema(spamRulesTables) + """
    CREATE FUNCTION spam_rules_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE spam_rules_version SET version = version + 1; RETURN NULL; END $$;
    CREATE TRIGGER spam_rules_changed AFTER INSERT OR UPDATE OR DELETE ON spam_rules
        FOR EACH ROW EXECUTE FUNCTION spam_rules_bump_version();

    """ + PostgresDialect.schema(spamRulesColumns)

    private static let spamRulesTables = """
    CREATE TABLE spam_rules (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE spam_rules_version (version INTEGER NOT NULL);
    INSERT INTO spam_rules_version(version) VALUES (0);

    """

    private static let spamRulesColumns = """
    ALTER TABLE comments ADD COLUMN spam_rule TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN spam_rule_match TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN status_before TEXT NOT NULL DEFAULT '';
    ALTER TABLE webmention_requests ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
    """
}
