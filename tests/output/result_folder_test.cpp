// Results are published as a set: a failure or a kill at any step of the
// commit leaves the folder with exactly the previous results or exactly the
// new ones, and what a kpsim did not write there survives.
#include "sim/output/result_folder.hpp"

#include <gtest/gtest.h>

#include <map>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

namespace fs = std::filesystem;

// A folder's visible files and their contents (kpsim's bookkeeping, the
// dot files, left out).
std::map<std::string, std::string> contents(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] != '.' && e.is_regular_file()) out[e.path().filename().string()] = test::read_file(e.path());
  return out;
}

std::string run_command(const std::string& seed, const std::string& out) {
  return "run " + test::kQuickstart + " -n 8 --seed " + seed + " --out '" + out + "'";
}

// What a folder beside `out` holds that kpsim left: staging or set-aside folders.
std::vector<std::string> leftovers(const fs::path& out) {
  std::vector<std::string> v;
  for (const auto& e : fs::directory_iterator(out.parent_path()))
    if (e.path().filename().string().rfind("." + out.filename().string() + ".", 0) == 0) v.push_back(e.path().filename().string());
  return v;
}

class ResultFolderTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(test::run_kpsim(run_command("1", (dir / "old").string())).status, 0);
    ASSERT_EQ(test::run_kpsim(run_command("2", (dir / "new").string())).status, 0);
    old_ = contents(dir / "old");
    new_ = contents(dir / "new");
    ASSERT_NE(old_, new_);
    ASSERT_EQ(old_.size(), std::size(test::kRunResultFiles));
    // The folder under test: the old results, and the planner's own files.
    fs::copy(dir / "old", dir / "out", fs::copy_options::recursive);
    test::write_file(dir / "out" / "notes.txt", "mine");
    test::write_file(dir / "out" / "pictures" / "fan.png", "a picture");
  }
  void expect_the_planners_files_survive() {
    EXPECT_EQ(test::read_file(dir / "out" / "notes.txt"), "mine");
    EXPECT_EQ(test::read_file(dir / "out" / "pictures" / "fan.png"), "a picture");
  }
  std::map<std::string, std::string> mine() const {
    auto m = contents(dir / "out");
    m.erase("notes.txt");
    return m;
  }
  test::ScratchDir dir;
  std::map<std::string, std::string> old_, new_;
};

TEST_F(ResultFolderTest, AKillAtEachStepOfTheCommitLeavesTheOldOrTheNewResults) {
  for (int step = 1; step <= 4; ++step) {
    const auto r = test::run_kpsim(run_command("2", (dir / "out").string()), dir.path(),
                                   "KPSIM_TEST_KILL_AT_COMMIT=" + std::to_string(step) + " ");
    EXPECT_NE(r.status, 0) << "step " << step;
    // Until the exchange the previous results stand; from it, the new ones.
    EXPECT_EQ(mine(), step <= 2 ? old_ : new_) << "killed at step " << step;
    if (step <= 2) {
      // A folder carried out before the kill is back after the next writer's clean-up.
      ASSERT_EQ(test::run_kpsim("run " + test::kQuickstart + " -n 8 --seed 1 --out out", dir.path()).status, 0);
      EXPECT_EQ(mine(), old_);
    }
    expect_the_planners_files_survive();
    // The next run cleans up whatever the killed one left beside the folder.
    ASSERT_EQ(test::run_kpsim(run_command("1", (dir / "out").string())).status, 0);
    EXPECT_EQ(mine(), old_);
    EXPECT_TRUE(leftovers(dir / "out").empty()) << leftovers(dir / "out").front();
    expect_the_planners_files_survive();
  }
}

TEST_F(ResultFolderTest, AFileThatCannotBeWrittenLeavesThePreviousResultsWhole) {
  for (const char* name : test::kRunResultFiles) {
    const auto r = test::run_kpsim(run_command("2", (dir / "out").string()), dir.path(),
                                   std::string("KPSIM_TEST_FAIL_WRITE=") + name + " ");
    EXPECT_EQ(r.status, 2) << name;
    EXPECT_NE(r.err.find("[E-IO-003]"), std::string::npos) << r.err;
    EXPECT_EQ(mine(), old_) << name;
    EXPECT_TRUE(leftovers(dir / "out").empty()) << name;
  }
  expect_the_planners_files_survive();
}

TEST_F(ResultFolderTest, SomethingInTheWayOfAResultFileIsReportedAndNothingChanges) {
  // As if the planner had put a folder named land.csv there.
  fs::remove(dir / "out" / "land.csv");
  std::string list = test::read_file(dir / "out" / ".kpsim-results");
  list.erase(list.find("land.csv\n"), 9);
  test::write_file(dir / "out" / ".kpsim-results", list);
  fs::create_directories(dir / "out" / "land.csv");
  auto before = mine();
  const auto r = test::run_kpsim(run_command("2", (dir / "out").string()));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("land.csv is in the way"), std::string::npos) << r.err;
  EXPECT_EQ(mine(), before);
  EXPECT_TRUE(fs::is_directory(dir / "out" / "land.csv"));
}

TEST_F(ResultFolderTest, ASecondKpsimWritingTheFolderRefuses) {
  output::ResultFolder held(dir / "out");  // as a run still computing holds it
  const auto r = test::run_kpsim(run_command("2", (dir / "out").string()));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("another kpsim is writing this folder"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[E-IO-005]"), std::string::npos) << r.err;
  EXPECT_EQ(mine(), old_);
}

TEST_F(ResultFolderTest, StaleTemporariesOfAKilledRunAreCleanedUp) {
  test::write_file(dir / "out" / "land.csv.tmp-99999", "half");
  fs::create_directories(dir / ".out.staging-99999");
  test::write_file(dir / ".out.staging-99999" / "summary.json", "{}");
  ASSERT_EQ(test::run_kpsim(run_command("2", (dir / "out").string())).status, 0);
  EXPECT_FALSE(fs::exists(dir / "out" / "land.csv.tmp-99999"));
  EXPECT_TRUE(leftovers(dir / "out").empty());
  EXPECT_EQ(mine(), new_);
  expect_the_planners_files_survive();
}

// A real full disk: a 900 KiB tmpfs holds one run's files (about 140 KiB)
// and the room its workbook's scratch files are checked to need (about 790
// KiB: libxlsxwriter does not check their writes), but not a second set
// staged beside them. Needs the right to mount (root
// in a container that allows it); skipped elsewhere.
TEST(ResultFolderOnAFullDisk, ARunThatFillsTheDiskLeavesThePreviousResultsWhole) {
  test::ScratchDir dir;
  const fs::path disk = dir / "disk";
  fs::create_directories(disk);
  if (std::system(("mount -t tmpfs -o size=900k tmpfs '" + disk.string() + "' 2> /dev/null").c_str()) != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here";
  const auto first = test::run_kpsim(run_command("1", (disk / "out").string()));
  const auto second = test::run_kpsim(run_command("2", (disk / "out").string()));
  const auto held = contents(disk / "out");
  std::vector<std::string> beside;
  for (const auto& e : fs::directory_iterator(disk)) beside.push_back(e.path().filename().string());
  std::system(("umount '" + disk.string() + "'").c_str());
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(second.status, 2) << "the second set fitted after all: make the disk smaller";
  EXPECT_NE(second.err.find("[E-IO-003]"), std::string::npos) << second.err;
  ASSERT_EQ(test::run_kpsim(run_command("1", (dir / "reference").string())).status, 0);
  EXPECT_EQ(held, contents(dir / "reference"));
  EXPECT_EQ(beside, std::vector<std::string>{"out"});  // no staging folder left on the full disk
}

}  // namespace
}  // namespace kpsim
