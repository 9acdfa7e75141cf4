// PSPLIB instances through the engine's priority dispatching: every schedule
// is feasible and never beats the proven optimum.
#include "sim/engine/rcpsp.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "sim/input/psplib_bounds.hpp"
#include "sim/input/read_psplib.hpp"
#include "sim/input/psplib_files.hpp"
#include "sim/run/psplib_study.hpp"

namespace kpsim::engine {
namespace {

namespace fs = std::filesystem;
const fs::path kSample = KPSIM_SOURCE_DIR "/tests/data/psplib";
const fs::path kShared = KPSIM_SOURCE_DIR "/../shared/data/psplib";

std::vector<std::string> instances(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".sm") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

void check_every_rule(const fs::path& dir, const fs::path& bounds_dir, const std::string& set) {
  const auto bounds = input::load_psplib_bounds(bounds_dir.string(), set);
  for (const std::string& file : instances(dir)) {
    const model::RcpspInstance inst = input::load_psplib(file);
    const auto name = input::parse_psplib_name(inst.name);
    ASSERT_TRUE(name) << inst.name;
    const input::PsplibBound& b = bounds.at({name->parameter, name->instance});
    for (const auto& [rule_name, rule] : priority_rules()) {
      const RcpspSchedule s = schedule_rcpsp(inst, rule);
      ASSERT_FALSE(infeasibility(inst, s.start)) << inst.name << " " << rule_name << ": " << *infeasibility(inst, s.start);
      EXPECT_GE(s.makespan, critical_path_length(inst)) << inst.name << " " << rule_name;
      if (b.optimum) { EXPECT_GE(s.makespan, *b.optimum) << inst.name << " " << rule_name; }
      if (b.lower) { EXPECT_GE(s.makespan, *b.lower) << inst.name << " " << rule_name; }
      // The makespan is the latest finish of the schedule itself.
      int end = 0;
      for (std::size_t j = 0; j < inst.jobs.size(); ++j) end = std::max(end, s.start[j] + inst.jobs[j].duration);
      EXPECT_EQ(s.makespan, end);
    }
  }
}

TEST(Rcpsp, EveryScheduleOfTheSampleIsFeasibleAndNoShorterThanTheOptimum) {
  check_every_rule(kSample / "j30", kSample / "bounds", "j30");
  check_every_rule(kSample / "j60", kSample / "bounds", "j60");
  check_every_rule(kSample / "j120", kSample / "bounds", "j120");
}

TEST(Rcpsp, EveryScheduleOfAllJ30IsFeasibleAndNoShorterThanTheOptimum) {
  if (!fs::exists(kShared / "j30")) GTEST_SKIP() << "the shared PSPLIB set is not beside the project";
  check_every_rule(kShared / "j30", kShared / "bounds", "j30");
}

TEST(Rcpsp, TheCriticalPathMatchesTheFilesMpmTime) {
  for (const std::string& file : instances(kSample / "j30")) {
    const model::RcpspInstance inst = input::load_psplib(file);
    EXPECT_EQ(critical_path_length(inst), inst.mpm_time) << inst.name;
  }
}

TEST(Rcpsp, ParallelSchedulingStartsWhatFitsInRankOrder) {
  // Two jobs want the whole resource at time 0; the higher-ranked (shorter
  // under SPT) goes first, the third, small one fits beside neither and waits.
  const model::RcpspInstance inst = input::load_psplib_text(R"(jobs (incl. supersource/sink ):  5
  - renewable                 :  1   R
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1      3      0       0       0        5
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          3           2   3   4
   2        1          1           5
   3        1          1           5
   4        1          1           5
   5        1          0
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
  1      1     0       0
  2      1     5       2
  3      1     3       2
  4      1     1       1
  5      1     0       0
RESOURCEAVAILABILITIES:
  R 1
    2
)", "tiny.sm");
  const RcpspSchedule spt = schedule_rcpsp(inst, PriorityRule::spt);
  EXPECT_EQ(spt.start, (std::vector<int>{0, 4, 1, 0, 9}));
  EXPECT_EQ(spt.makespan, 9);
  const RcpspSchedule lft = schedule_rcpsp(inst, PriorityRule::lft);
  EXPECT_FALSE(infeasibility(inst, lft.start));
}

TEST(Rcpsp, TheStudyReportsDeviationsPerRuleAndForTheBest) {
  const run::PsplibStudy study =
      run::run_psplib_study(input::load_psplib_cases(input::find_psplib_files((kSample / "j30").string(), (kSample / "bounds").string())),
                            {PriorityRule::lft, PriorityRule::spt});
  ASSERT_EQ(study.stats.size(), 3u);
  EXPECT_EQ(study.stats[2].rule, "best");
  EXPECT_EQ(study.stats[0].against_optimum, 13u);
  EXPECT_GE(study.stats[0].mean_dev_optimum, 0);
  EXPECT_LE(study.stats[2].mean_dev_optimum, std::min(study.stats[0].mean_dev_optimum, study.stats[1].mean_dev_optimum));
}

}  // namespace
}  // namespace kpsim::engine
