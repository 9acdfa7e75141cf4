#include "sim/output/atomic_file.hpp"

#include <unistd.h>

#include <stdexcept>

namespace kpsim::output {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  temp_ = target_;
  temp_ += ".tmp-" + std::to_string(::getpid());
  stream_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!stream_) throw std::runtime_error("cannot write " + temp_.string());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  stream_.close();
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

void AtomicFile::commit() {
  stream_.flush();
  stream_.close();
  if (!stream_) throw std::runtime_error("writing " + temp_.string() + " failed");
  std::filesystem::rename(temp_, target_);
  committed_ = true;
}

std::ostream& AtomicFileSet::add(const std::filesystem::path& target) {
  files_.push_back(std::make_unique<AtomicFile>(target));
  return files_.back()->out();
}

void AtomicFileSet::commit_all() {
  for (auto& f : files_) f->commit();
}

}  // namespace kpsim::output
