// Running the real kpsim binary and scratch files for end-to-end tests.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kpsim::test {

// The shipped quickstart, quoted for a command line.
inline const std::string kQuickstart = "'" KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml'";

// Every file `kpsim run` writes.
inline const char* const kRunResultFiles[] = {
    "forecast_quarterly.csv", "forecast_monthly.csv", "start_progress.csv", "categories.csv", "at_risk.csv",
    "projects.csv", "agencies.csv", "agency_months.csv", "approval_times.csv", "statutory_totals.csv", "criticality.csv", "land.csv",
    "risks.csv", "arrivals.csv", "sensitivity.csv", "summary.json", "report.xlsx"};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A fresh directory, removed with everything in it at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kpsim-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct Outcome {
  int status = -1;
  std::string out, err;
};

// Runs `kpsim ARGS` (ARGS already shell-quoted) from `cwd`, after the
// shell commands `before` (such as a ulimit) in the same shell.
inline Outcome run_kpsim(const std::string& args, const std::filesystem::path& cwd = std::filesystem::current_path(),
                         const std::string& before = "") {
  ScratchDir io;
  const std::string cmd = "cd '" + cwd.string() + "' && " + before + "'" KPSIM_BINARY "' " + args + " > '" +
                          (io / "out").string() + "' 2> '" + (io / "err").string() + "'";
  const int raw = std::system(cmd.c_str());
  Outcome o;
  o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  o.out = read_file(io / "out");
  o.err = read_file(io / "err");
  return o;
}

}  // namespace kpsim::test
