#ifndef TRACKWAY_CLIBFUZZER_H
#define TRACKWAY_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that own `main` (libclang_rt.fuzzer, linked by -sanitize=fuzzer).
/// SwiftPM renames an executable's entry point and aliases `main` to it, which keeps libFuzzer's
/// own `main` out of the link, so each fuzzer's main.swift starts the driver through this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
