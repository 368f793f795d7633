// The one place pressmine touches local files, so errors name the path consistently.
#ifndef PRESSMINE_BASE_FILE_H_
#define PRESSMINE_BASE_FILE_H_

#include <cstdint>
#include <filesystem>
#include <string>

#include "base/status.h"

namespace pressmine {

// Files larger than this are refused rather than read into memory: no press release is this big,
// and a crawler fixture or a mistaken path (a disk image) must not exhaust memory.
inline constexpr uint64_t kMaxInputFileBytes = 64ull << 20;

// Reads a whole regular file. Errors name the path and the reason (missing, not a regular file,
// too large, unreadable).
Result<std::string> ReadFile(const std::filesystem::path& path,
                             uint64_t max_bytes = kMaxInputFileBytes);

// Writes via a temporary file in the same directory and rename(2), so a crash leaves either the
// old or the new content, never a torn file.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view content);

}  // namespace pressmine

#endif  // PRESSMINE_BASE_FILE_H_
