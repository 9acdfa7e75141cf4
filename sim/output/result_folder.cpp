#include "sim/output/result_folder.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <cstdlib>
#include <set>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "sim/model/input_error.hpp"

namespace kpsim::output {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLock = ".kpsim-lock";
constexpr const char* kCarried = ".kpsim-carried";  // in a staging folder: folders moved there from DIR
constexpr const char* kOwner = ".kpsim-owner";      // what wrote the results: a command, or a sweep by name and file

// For the fault-injection tests: KPSIM_TEST_KILL_AT_COMMIT=k kills the
// process at step k of a commit, as `kill -9` would.
void test_kill_point(int step) {
  static const char* at = std::getenv("KPSIM_TEST_KILL_AT_COMMIT");
  if (at && std::atoi(at) == step) std::raise(SIGKILL);
}

void sync_path(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + p.string() + " to flush it");
  const int status = ::fsync(fd);
  ::close(fd);
  if (status != 0) throw std::runtime_error("flushing " + p.string() + " to disk failed");
}

std::vector<std::string> read_lines(const fs::path& p) {
  std::vector<std::string> out;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

void write_lines(const fs::path& p, const std::vector<std::string>& lines) {
  {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    for (const std::string& l : lines) out << l << '\n';
    out.flush();
    if (!out) throw std::runtime_error("writing " + p.string() + " failed");
  }
  sync_path(p, false);
}

// A staging folder a writer left: folders it had carried out of DIR go
// back, then it goes.
void clean_staging(const fs::path& staging, const fs::path& dir) {
  std::error_code ec;
  for (const std::string& name : read_lines(staging / kCarried))
    if (fs::exists(staging / name, ec) && !fs::exists(dir / name, ec)) fs::rename(staging / name, dir / name, ec);
  fs::remove_all(staging, ec);
}

// DIR and its staging folder change places; without RENAME_EXCHANGE (some
// file systems), DIR goes aside first and comes back if the second step fails.
void exchange(const fs::path& staging, const fs::path& dir, const fs::path& aside) {
  if (!fs::exists(dir)) {
    fs::rename(staging, dir);
    return;
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    throw std::runtime_error("publishing the results in " + dir.string() + " failed: " + std::strerror(errno));
  fs::rename(dir, aside);
  std::error_code ec;
  fs::rename(staging, dir, ec);
  if (ec) {
    fs::rename(aside, dir);
    throw std::runtime_error("publishing the results in " + dir.string() + " failed: " + ec.message());
  }
  fs::rename(aside, staging);  // where the previous results are removed from
}

}  // namespace

ResultFolder::ResultFolder(fs::path dir, std::string owner, bool overwrite) : owner_(std::move(owner)) {
  dir = fs::absolute(dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "out/" names out
  dir_ = dir;
  parent_ = dir_.parent_path();
  fs::create_directories(dir_);
  lock_fd_ = ::open((dir_ / kLock).c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) throw std::runtime_error("cannot create " + (dir_ / kLock).string());
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw model::InputError({{"E-IO-005", {dir_.string(), 0, 0, "--out"},
                              "another kpsim is writing this folder; wait for it to finish, or choose another --out"}});
  }
  if (const auto held = read_lines(dir_ / kOwner); !overwrite && !held.empty() && !owner_.empty() && held.front() != owner_) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw model::InputError({{"E-IO-006", {dir_.string(), 0, 0, "--out"},
                              "this folder holds the results of " + held.front() + "; choose another --out, or pass "
                              "--overwrite to replace them"}});
  }
  // Whatever a killed writer left: its staging folder (or the previous
  // results it had set aside), its carried list, temporaries of old kpsims.
  const std::string prefix = "." + dir_.filename().string() + ".";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent_, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix + "staging-", 0) == 0) clean_staging(e.path(), dir_);
    else if (name.rfind(prefix + "aside-", 0) == 0 && fs::exists(dir_ / kResultList)) fs::remove_all(e.path(), ec);
  }
  fs::remove(dir_ / kCarried, ec);
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.path().filename().string().find(".tmp-") != std::string::npos && e.is_regular_file(ec)) fs::remove(e.path(), ec);
}

ResultFolder::~ResultFolder() {
  files_.clear();
  if (!committed_ && !staging_.empty()) clean_staging(staging_, dir_);
  if (lock_fd_ >= 0) ::close(lock_fd_);  // the lock goes with it
}

void ResultFolder::open_staging() {
  staging_ = parent_ / ("." + dir_.filename().string() + ".staging-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(staging_, ec);
  fs::create_directory(staging_);
}

const fs::path& ResultFolder::staging() {
  if (staging_.empty()) open_staging();
  return staging_;
}

std::ostream& ResultFolder::add(const std::string& name) {
  auto out = std::make_unique<std::ofstream>(staging() / name, std::ios::binary | std::ios::trunc);
  if (!*out) throw std::runtime_error("cannot write " + (staging() / name).string());
  files_.emplace_back(name, std::move(out));
  return *files_.back().second;
}

void ResultFolder::commit() {
  const fs::path& staging = this->staging();
  // 1. Every file complete and on disk, and the list of them.
  static const char* fail = std::getenv("KPSIM_TEST_FAIL_WRITE");  // fault injection: as if this file's disk were full
  std::vector<std::string> names;
  for (auto& [name, out] : files_) {
    out->flush();
    out->close();
    if (!*out || (fail && name == fail)) throw std::runtime_error("writing " + name + " failed (is the disk full?)");
    sync_path(staging / name, false);
    names.push_back(name);
  }
  files_.clear();
  if (!owner_.empty()) write_lines(staging / kOwner, {owner_});
  write_lines(staging / kResultList, names);
  test_kill_point(1);
  // 2. What DIR holds that kpsim did not write comes along.
  std::set<std::string> previous;  // the previous results, and kpsim's own bookkeeping
  for (const std::string& n : read_lines(dir_ / kResultList)) previous.insert(n);
  for (const char* n : {kResultList, kLock, kCarried, kOwner, ".partial"}) previous.insert(n);
  std::vector<std::string> carried;
  for (const auto& e : fs::directory_iterator(dir_)) {
    const std::string name = e.path().filename().string();
    if (previous.count(name) || name.find(".tmp-") != std::string::npos) continue;
    if (fs::exists(fs::symlink_status(staging / name)))
      throw std::runtime_error((dir_ / name).string() + " is in the way of a result file: kpsim did not write it; move it");
    if (e.is_symlink()) {
      fs::copy_symlink(e.path(), staging / name);
    } else if (e.is_directory()) {
      carried.push_back(name);
      write_lines(staging / kCarried, carried);
      fs::rename(e.path(), staging / name);
    } else {
      std::error_code ec;
      fs::create_hard_link(e.path(), staging / name, ec);
      if (ec) fs::copy_file(e.path(), staging / name);
    }
  }
  sync_path(staging, true);
  test_kill_point(2);
  // 3. The one atomic step.
  const fs::path aside = parent_ / ("." + dir_.filename().string() + ".aside-" + std::to_string(::getpid()));
  exchange(staging, dir_, aside);
  sync_path(parent_, true);
  committed_ = true;
  test_kill_point(3);
  // 4. The previous results go (they are now at the staging name).
  std::error_code ec;
  fs::remove(dir_ / kCarried, ec);
  fs::remove_all(staging, ec);
  test_kill_point(4);
}

}  // namespace kpsim::output
