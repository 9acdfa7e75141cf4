// Output files that never look complete unless they are: written to a
// temporary name beside the target and renamed into place on commit.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace kpsim::output {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();  // removes the temporary file unless committed

  std::ostream& out() { return stream_; }
  // Flushes and renames over the target; throws std::runtime_error on failure.
  void commit();

 private:
  std::filesystem::path target_, temp_;
  std::ofstream stream_;
  bool committed_ = false;
};

// Several files that appear together: each is written to its temporary name
// first, and only when all are written are they renamed, in order.
class AtomicFileSet {
 public:
  std::ostream& add(const std::filesystem::path& target);
  void commit_all();

 private:
  std::vector<std::unique_ptr<AtomicFile>> files_;
};

}  // namespace kpsim::output
