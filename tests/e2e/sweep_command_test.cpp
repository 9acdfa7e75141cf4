// `kpsim sweep` as a user runs it, interruptions included.
#include <gtest/gtest.h>

#include <sstream>

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
  const std::string sweep = write_sweep(dir, KPSIM_KILLED_SWEEP_REPLICATIONS);
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
  const std::string sweep = write_sweep(dir, KPSIM_KILLED_SWEEP_REPLICATIONS);
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

// The sweep's answer on the screen and in sweep.csv: every variant labelled,
// and paired differences against the reference variant (a label chosen with
// `reference:`) that agree with what compare gives for the same pair.
TEST(SweepCommand, PrintsAResultsTableAndPairedDifferencesAgainstTheReference) {
  ScratchDir dir;
  test::write_file(dir / "s.yaml", "kpsim: 1\nsweep: aim\nbase: " KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml\n"
                                   "policies: [" KPSIM_SOURCE_DIR "/scenarios/policies/key-total-60.yaml]\n"
                                   "replications: 60\nreference: to_total=127\n"
                                   "axes:\n  policies[0].compress.to_total: [60, 127]\n");
  const auto r = run_kpsim("sweep '" + (dir / "s.yaml").string() + "' --out '" + (dir / "out").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* shown : {"Results (differences paired with the reference v002 'to_total=127'", "v001     to_total=60",
                            "reference", "土地储备中心"})
    EXPECT_NE(r.out.find(shown), std::string::npos) << shown << "\n" << r.out;
  const std::string csv = read_file(dir / "out" / "sweep.csv");
  EXPECT_NE(csv.find("\nv001,to_total=60,60,investment,2026,diff_mean,"), std::string::npos);
  EXPECT_EQ(csv.find("\nv002,to_total=127,127,investment,2026,diff_mean,"), std::string::npos);  // not against itself
  EXPECT_EQ(csv.find(",run,"), std::string::npos);  // one label for the whole horizon
  EXPECT_EQ(csv.find(",horizon,"), std::string::npos);
  EXPECT_NE(csv.find(",approval_days_since_start,2026,mean,"), std::string::npos);
  // to_total 127 changes no template (each is within it), so compare of the
  // quickstart and key-total-60 is the same pair: the same difference.
  const auto c = run_kpsim("compare " KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml " KPSIM_SOURCE_DIR
                           "/scenarios/policies/key-total-60.yaml -n 60 --out '" + (dir / "cmp").string() + "'");
  ASSERT_EQ(c.status, 0) << c.err;
  // The fields of the line after `prefix`.
  auto fields_after = [](const std::string& text, const std::string& prefix) {
    std::vector<std::string> out;
    const auto at = text.find(prefix);
    if (at == std::string::npos) return out;
    std::istringstream line(text.substr(at + prefix.size(), text.find('\n', at + prefix.size()) - at - prefix.size()));
    for (std::string f; std::getline(line, f, ',');) out.push_back(f);
    return out;
  };
  const auto compared = fields_after(read_file(dir / "cmp" / "compare.csv"), ",investment,2026,60,");  // base, variant, diff, …
  const auto swept = fields_after(csv, "\nv001,to_total=60,60,investment,2026,diff_mean,");
  ASSERT_EQ(compared.size(), 7u);
  ASSERT_EQ(swept.size(), 1u);
  EXPECT_EQ(swept[0], compared[2]);
}

TEST(SweepCommand, DoesNotOverwriteAnotherSweepsResultsUnlessTold) {
  ScratchDir dir;
  const std::string out = (dir / "out").string();
  auto sweep_file = [&](const std::string& name) {
    test::write_file(dir / (name + ".yaml"), "kpsim: 1\nsweep: " + name + "\nbase: " KPSIM_SOURCE_DIR
                                             "/scenarios/quickstart.yaml\nreplications: 10\naxes:\n  agencies.eco.capacity: [2, 3]\n");
    return (dir / (name + ".yaml")).string();
  };
  ASSERT_EQ(run_kpsim("sweep '" + sweep_file("first") + "' --out '" + out + "'").status, 0);
  const std::string before = read_file(dir / "out" / "sweep.csv");
  const auto other = run_kpsim("sweep '" + sweep_file("second") + "' --out '" + out + "'");
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.err.find("this folder holds the results of sweep 'first'"), std::string::npos) << other.err;
  EXPECT_NE(other.err.find("[E-IO-006]"), std::string::npos) << other.err;
  EXPECT_EQ(read_file(dir / "out" / "sweep.csv"), before);
  const auto run = run_kpsim("run " KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml -n 5 --out '" + out + "'");
  EXPECT_EQ(run.status, 2) << "a run does not take a sweep's folder either";
  EXPECT_EQ(run_kpsim("sweep '" + sweep_file("first") + "' --out '" + out + "'").status, 0);  // the same sweep again
  EXPECT_EQ(run_kpsim("sweep '" + sweep_file("second") + "' --overwrite --out '" + out + "'").status, 0);
  EXPECT_NE(read_file(dir / "out" / "manifest.json").find("\"sweep\": \"second\""), std::string::npos);
}

}  // namespace
}  // namespace kpsim
