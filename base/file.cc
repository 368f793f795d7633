#include "base/file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace pressmine {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const fs::path& path, uint64_t max_bytes) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound(path.string() + ": no such file");
  if (!fs::is_regular_file(st)) return Status::InvalidArgument(path.string() + ": not a regular file");
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status::IoError(path.string() + ": " + ec.message());
  if (size > max_bytes) {
    return Status::InvalidArgument(path.string() + ": file is " + std::to_string(size) +
                                   " bytes, more than the limit of " + std::to_string(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string() + ": cannot open: " + std::strerror(errno));
  std::string data(static_cast<size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    return Status::IoError(path.string() + ": short read");
  }
  return data;
}

Status WriteFileAtomically(const fs::path& path, std::string_view content) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp.string() + ": cannot create: " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) return Status::IoError(tmp.string() + ": write failed: " + std::strerror(errno));
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IoError(path.string() + ": rename failed: " + ec.message());
  return Status::Ok();
}

}  // namespace pressmine
