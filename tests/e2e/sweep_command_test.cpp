// `kpsim sweep` as a user runs it, interruptions included.
#include <gtest/gtest.h>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

using test::read_file;
using test::run_kpsim;
using test::ScratchDir;

// Eight variants, enough replications that a kill lands in the middle.
std::string write_sweep(const ScratchDir& dir, int replications) {
  const auto path = dir / "sweep.yaml";
  test::write_file(path, "kpsim: 1\nsweep: kill-me\nbase: " KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml\n"
                         "policies: [" KPSIM_SOURCE_DIR "/scenarios/policies/compress-120.yaml]\n"
                         "replications: " + std::to_string(replications) +
                         "\nblock: 100\naxes:\n  policies[0].compress.to: [200, 150, 120, 90]\n"
                         "  agencies.land_bank.capacity: [2, 3]\n");
  return path.string();
}

TEST(SweepCommand, DryRunListsTheVariantsAndRunsNothing) {
  ScratchDir dir;
  const auto r = run_kpsim("sweep '" + write_sweep(dir, 50) + "' --dry-run --out '" + (dir / "out").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("sweep kill-me: 8 variants × 50 replications (seed 20260101), 8 work units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("v008"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

// Runs the sweep and kills it (SIGKILL) as soon as one variant is saved.
void run_and_kill(const std::string& sweep, const std::string& out) {
  const std::string cmd = "'" KPSIM_BINARY "' sweep '" + sweep + "' --threads 1 --out '" + out +
                          "' > /dev/null 2>&1 & pid=$!; for i in $(seq 1 1200); do "
                          "if ls '" + out + "/.partial/'v*.csv > /dev/null 2>&1; then break; fi; sleep 0.05; done; "
                          "kill -9 $pid; wait $pid; exit 0";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
}

TEST(SweepCommand, AKilledSweepResumesToByteIdenticalFiles) {
  ScratchDir dir;
  const std::string sweep = write_sweep(dir, 1500);
  const std::string out = (dir / "killed").string();
  run_and_kill(sweep, out);
  ASSERT_FALSE(std::filesystem::exists(dir / "killed" / "sweep.csv")) << "the sweep ended before it could be killed";
  EXPECT_FALSE(std::filesystem::exists(dir / "killed" / "manifest.json"));
  const auto resumed = run_kpsim("sweep '" + sweep + "' --resume --threads 2 --out '" + out + "'");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("finished before, resumed"), std::string::npos) << resumed.out;
  const auto whole = run_kpsim("sweep '" + sweep + "' --threads 2 --out '" + (dir / "whole").string() + "'");
  ASSERT_EQ(whole.status, 0) << whole.err;
  EXPECT_EQ(read_file(dir / "killed" / "sweep.csv"), read_file(dir / "whole" / "sweep.csv"));
  EXPECT_EQ(read_file(dir / "killed" / "manifest.json"), read_file(dir / "whole" / "manifest.json"));
  EXPECT_FALSE(std::filesystem::exists(dir / "killed" / ".partial"));
}

TEST(SweepCommand, ResumeRunsAgainWhatDoesNotVerifyAndANewSweepKeepsTheOldResultsUntilItsOwnAreDone) {
  namespace fs = std::filesystem;
  ScratchDir dir;
  const std::string sweep = write_sweep(dir, 1500);
  const auto whole = run_kpsim("sweep '" + sweep + "' --threads 2 --out '" + (dir / "whole").string() + "'");
  ASSERT_EQ(whole.status, 0) << whole.err;
  const std::string results = read_file(dir / "whole" / "sweep.csv");
  // A new sweep into the same folder, killed: the old results are still whole.
  run_and_kill(sweep, (dir / "whole").string());
  EXPECT_EQ(read_file(dir / "whole" / "sweep.csv"), results);
  EXPECT_TRUE(fs::exists(dir / "whole" / "manifest.json"));
  // Every saved variant tampered with in one of four ways, and a FIFO where
  // one was not saved: none is trusted, none hangs the resume.
  const fs::path partial = dir / "whole" / ".partial";
  int tampered = 0;
  for (int v = 1; v <= 8; ++v) {
    const fs::path file = partial / ("v00" + std::to_string(v) + ".csv");
    if (!fs::exists(file)) continue;
    const std::string text = read_file(file);
    switch (tampered++ % 4) {
      case 0: test::write_file(file, ""); break;                                   // emptied
      case 1: test::write_file(file, text.substr(0, text.size() / 2)); break;      // truncated
      case 2: test::write_file(file, "v009,=HYPERLINK(\"x\"),1\n" + text); break;  // a row added
      case 3: fs::remove(file); fs::create_symlink(dir / "sweep.yaml", file); break;  // a link
    }
  }
  ASSERT_GT(tampered, 0);
  const fs::path fifo = partial / "v008.csv";
  if (!fs::exists(fifo)) {
    ASSERT_EQ(std::system(("mkfifo '" + fifo.string() + "'").c_str()), 0);
    ++tampered;
  }
  const auto resumed = run_kpsim("sweep '" + sweep + "' --resume --threads 2 --out '" + (dir / "whole").string() + "'");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("warning: " + std::to_string(tampered) + " saved variant"), std::string::npos) << resumed.err;
  EXPECT_EQ(read_file(dir / "whole" / "sweep.csv"), results);
}

TEST(SweepCommand, ResumingAnotherSweepsPartialResultsIsBadInput) {
  ScratchDir dir;
  const std::string out = (dir / "out").string();
  const std::string sweep = write_sweep(dir, 30);
  std::filesystem::create_directories(dir / "out" / ".partial");
  test::write_file(dir / "out" / ".partial" / "fingerprint", "0123456789abcdef\n");
  const auto r = run_kpsim("sweep '" + sweep + "' --resume --out '" + out + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("these partial results are from another sweep"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("cannot write the results"), std::string::npos) << "one error, one code: " << r.err;
}

TEST(SweepCommand, ABadPathStopsTheSweepBeforeAnythingRuns) {
  ScratchDir dir;
  test::write_file(dir / "bad.yaml", "kpsim: 1\nsweep: bad\nbase: " KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml\n"
                                     "axes:\n  agencies.eco.capacty: [2, 3]\n");
  const auto r = run_kpsim("sweep '" + (dir / "bad.yaml").string() + "' --out '" + (dir / "out").string() + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.yaml:5:3: axes.agencies.eco.capacty: agencies.eco.capacty: no such value in"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("(did you mean 'capacity'?)"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

}  // namespace
}  // namespace kpsim
