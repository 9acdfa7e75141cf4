// A command's results published as a whole. While a command writes
// `--out DIR`, it holds DIR's lock; its files go to a staging folder beside
// DIR, are flushed to disk, and then take DIR's place in one atomic step:
//   DIR/.kpsim-lock                locked (flock) while a kpsim writes DIR: a second refuses (E-IO-005)
//   <parent>/.<name>.staging-PID/  the new results; .kpsim-results lists them,
//                                  .kpsim-owner says what wrote them
// Entries of DIR that kpsim did not write (pictures/, notes) are carried
// over: files as hard links, folders moved (and listed, so that a staging
// folder a kill left behind gives them back). After the exchange the
// previous results, now at the staging name, are removed. A failure or a
// kill at any step leaves DIR with exactly the previous results or exactly
// the new ones; what a kill leaves beside it is cleaned up by the next kpsim
// that writes DIR.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace kpsim::output {

class ResultFolder {
 public:
  // Takes the lock (throws model::InputError E-IO-005 when another kpsim
  // holds it), cleans up after a killed writer, creates DIR if missing.
  // `owner` says what the results are ("run", "sweep 'name' (file)"):
  // results of another owner are not replaced unless `overwrite`
  // (E-IO-006), so that one sweep does not silently take another's folder.
  explicit ResultFolder(std::filesystem::path dir, std::string owner = "", bool overwrite = false);
  ~ResultFolder();  // not committed: the staging folder goes, DIR is untouched
  ResultFolder(const ResultFolder&) = delete;
  ResultFolder& operator=(const ResultFolder&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // Where the new results are written (and scratch files made).
  const std::filesystem::path& staging();
  // A file of the new results, by name.
  std::ostream& add(const std::string& name);
  // Writes, flushes and publishes every file added; throws
  // std::runtime_error on failure, with DIR as it was.
  void commit();

 private:
  void open_staging();
  std::filesystem::path dir_, parent_, staging_;
  std::string owner_;
  int lock_fd_ = -1;
  bool committed_ = false;
  std::vector<std::pair<std::string, std::unique_ptr<std::ofstream>>> files_;
};

// The name of the file listing a result folder's files.
inline constexpr const char* kResultList = ".kpsim-results";

}  // namespace kpsim::output
