#ifndef CSQLITE3_SHIM_H
#define CSQLITE3_SHIM_H
#include <sqlite3.h>

/// Turns off SQLite's memory statistics, which take one process-wide mutex on every allocation:
/// connections working on different threads (the gateway's writer and its readers, the
/// importer's) would otherwise queue on it. Must run before SQLite initializes; `sqlite3_config`
/// is variadic, which Swift cannot call, hence this wrapper.
static inline int trackway_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
