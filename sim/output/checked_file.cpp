#include "sim/output/checked_file.hpp"

#include <fstream>
#include <iomanip>
#include <sstream>

#include "sim/core/rng.hpp"
#include "sim/output/atomic_file.hpp"

namespace kpsim::output {
namespace {

namespace fs = std::filesystem;

std::string checksum_line(const std::string& key, const std::string& text) {
  std::ostringstream s;
  s << "checksum " << std::hex << std::setw(16) << std::setfill('0') << core::hash_name(key + '\n' + text) << '\n';
  return s.str();
}

}  // namespace

std::string read_regular_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(file, ec))) return {};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file_atomically(const fs::path& file, const std::string& text) {
  AtomicFile f(file);
  f.out() << text;
  f.commit();
}

void write_checked(const fs::path& file, const std::string& text, const std::string& key) {
  write_file_atomically(file, text + checksum_line(key, text));
}

std::optional<std::string> read_checked(const fs::path& file, const std::string& key) {
  const std::string all = read_regular_file(file);
  const auto last = all.rfind("checksum ");
  if (last == std::string::npos) return std::nullopt;
  std::string text = all.substr(0, last);
  if (all.substr(last) != checksum_line(key, text)) return std::nullopt;
  return text;
}

}  // namespace kpsim::output
