// The kpsim command as a user runs it.
#include <gtest/gtest.h>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

using test::read_file;
using test::run_kpsim;
using test::kQuickstart;
using test::ScratchDir;

const std::filesystem::path kGolden = KPSIM_SOURCE_DIR "/tests/e2e/golden/quickstart";
// The workbook's bytes follow libxlsxwriter's version: it is held to the
// CSV files by tests/e2e/check_workbook.py, not to a golden copy.
bool has_golden(const std::string& file) { return file != "report.xlsx"; }

// Runs the quickstart with extra flags into dir/name and returns the files' contents.
std::vector<std::string> run_outputs(const ScratchDir& dir, const std::string& name, const std::string& flags) {
  const auto r = run_kpsim("run " + kQuickstart + " --out '" + (dir / name).string() + "' " + flags);
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> files;
  for (const char* f : test::kRunResultFiles) files.push_back(read_file(dir / name / f));
  return files;
}

TEST(Command, RunWritesTheResultFilesAndPrintsTheQuarterlyTable) {
  ScratchDir dir;
  const auto r = run_kpsim("run " + kQuickstart + " --out '" + (dir / "out").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2026Q2"), std::string::npos);
  EXPECT_NE(r.out.find("of plan"), std::string::npos);
  for (const char* f : test::kRunResultFiles) EXPECT_TRUE(std::filesystem::exists(dir / "out" / f)) << f;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out"))
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
}

// A change here is a reviewed decision: regenerate with
//   build/kpsim run scenarios/quickstart.yaml --out /tmp/q &&
//     cp /tmp/q/*.csv /tmp/q/summary.json tests/e2e/golden/quickstart/
TEST(Command, QuickstartOutputMatchesTheReviewedGoldenFiles) {
  ScratchDir dir;
  ASSERT_EQ(run_kpsim("run " + kQuickstart + " --out '" + (dir / "out").string() + "'").status, 0);
  for (const char* f : test::kRunResultFiles) {
    if (!has_golden(f)) continue;
    EXPECT_EQ(read_file(dir / "out" / f), read_file(kGolden / f)) << f;
  }
}

TEST(Command, OutputFilesAreByteIdenticalForAnyThreadCount) {
  ScratchDir dir;
  const auto one = run_outputs(dir, "t1", "--threads 1 --replications 150");
  EXPECT_EQ(one, run_outputs(dir, "t2", "--threads 2 --replications 150"));
  EXPECT_EQ(one, run_outputs(dir, "t4", "--threads 4 --replications 150"));
}

TEST(Command, TheSameSeedGivesTheSameFilesAndAnotherSeedOthers) {
  ScratchDir dir;
  const auto a = run_outputs(dir, "a", "--seed 5 --replications 40");
  EXPECT_EQ(a, run_outputs(dir, "b", "--seed 5 --replications 40"));
  const auto c = run_outputs(dir, "c", "--seed 6 --replications 40");
  EXPECT_NE(a[0], c[0]);  // forecast_quarterly.csv
}

TEST(Command, RunDefaultsToOutSlashScenarioName) {
  ScratchDir dir;
  ASSERT_EQ(run_kpsim("run " + kQuickstart, dir.path()).status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "out/quickstart/summary.json"));
}

TEST(Command, ValidateAcceptsTheShippedScenario) {
  const auto r = run_kpsim("validate " + kQuickstart);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("ok (12 projects"), std::string::npos);
}

TEST(Command, GraphPrintsOneProjectsScheduleAndCriticalPath) {
  const auto r = run_kpsim("graph " + kQuickstart + " --project G05");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("城市综合管廊二期"), std::string::npos);
  EXPECT_NE(r.out.find("Critical path: proposal → site_selection → feasibility"), std::string::npos);
}

TEST(Command, GraphPrintsGraphviz) {
  const auto r = run_kpsim("graph " + kQuickstart + " --project I02 --dot");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("digraph G {", 0), 0u);
  EXPECT_NE(r.out.find("color=red"), std::string::npos);
}

TEST(Command, UnknownProjectIsBadInputWithASuggestion) {
  const auto r = run_kpsim("graph " + kQuickstart + " --project G5");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--project: no project 'G5' (did you mean"), std::string::npos) << r.err;
}

TEST(Command, BadCommandLineIsBadInputWithACodeAndTheArgument) {
  const auto missing = run_kpsim("run");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("kpsim run: SCENARIO is required [E-CLI-002]"), std::string::npos) << missing.err;
  const auto range = run_kpsim("run x.yaml --threads 0");
  EXPECT_NE(range.err.find("kpsim run: --threads: "), std::string::npos) << range.err;
  EXPECT_NE(range.err.find("[E-CLI-002]\nRun 'kpsim run --help' for the options."), std::string::npos) << range.err;
  const auto unknown = run_kpsim("calibrat x");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("kpsim: unknown command 'calibrat' (did you mean 'calibrate'?)"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("[E-CLI-003]"), std::string::npos);
  EXPECT_EQ(run_kpsim("--help").status, 0);
  EXPECT_EQ(run_kpsim("run --help").status, 0);
}

TEST(Command, AnEmptyFileIsLocatedAtItsStart) {
  ScratchDir dir;
  test::write_file(dir / "empty.yaml", "");
  const auto r = run_kpsim("validate empty.yaml", dir.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("empty.yaml:1:1: expected a mapping of keys to values, got nothing [E-YAML-020]"), std::string::npos) << r.err;
}

TEST(Command, MissingScenarioFileIsBadInputNamingTheFile) {
  const auto r = run_kpsim("run /nonexistent/s.yaml");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/s.yaml: cannot read file"), std::string::npos) << r.err;
}

TEST(Command, AnUnwritableOutputDirectoryIsBadInput) {
  ScratchDir dir;
  test::write_file(dir / "blocker", "a file where the output directory should be");
  const auto r = run_kpsim("run " + kQuickstart + " --replications 2 --out '" + (dir / "blocker").string() + "/out'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--out: cannot write the results"), std::string::npos) << r.err;
}

TEST(Command, AFailedRunLeavesNoResultFiles) {
  ScratchDir dir;
  test::write_file(dir / "bad.yaml", "kpsim: 1\nname: x\n");
  EXPECT_EQ(run_kpsim("run '" + (dir / "bad.yaml").string() + "' --out '" + (dir / "out").string() + "'").status, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

}  // namespace
}  // namespace kpsim

namespace kpsim {
namespace {

// The format documentation's complete example must stay a valid scenario.
TEST(Command, TheDocumentedCompleteExampleValidates) {
  const std::string doc = test::read_file(KPSIM_SOURCE_DIR "/docs/scenario-format.md");
  const auto begin = doc.find("```yaml\n", doc.find("## A complete example"));
  ASSERT_NE(begin, std::string::npos);
  const auto body = begin + 8;
  const std::string example = doc.substr(body, doc.find("```", body) - body);
  test::ScratchDir dir;
  std::filesystem::copy(KPSIM_SOURCE_DIR "/scenarios/calendars", dir / "calendars");
  test::write_file(dir / "example.yaml", example);
  const auto r = test::run_kpsim("validate example.yaml", dir.path());
  EXPECT_EQ(r.status, 0) << r.err;
}

}  // namespace
}  // namespace kpsim

namespace kpsim {
namespace {

// The README shows what `scripts/quickstart` prints; it must stay true.
TEST(Command, TheReadmeShowsWhatTheQuickstartPrints) {
  const std::string readme = test::read_file(KPSIM_SOURCE_DIR "/README.md");
  const std::string marker = "The first prints:\n\n```\n";
  const auto begin = readme.find(marker);
  ASSERT_NE(begin, std::string::npos);
  const auto body = begin + marker.size();
  const std::string shown = readme.substr(body, readme.find("```", body) - body);
  test::ScratchDir dir;
  const auto r = test::run_kpsim("run " + kQuickstart, dir.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, shown);
}

}  // namespace
}  // namespace kpsim
