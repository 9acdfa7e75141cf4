// `kpsim compare` and `--policy` as a user runs them.
#include <gtest/gtest.h>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

using test::read_file;
using test::run_kpsim;
using test::kQuickstart;
using test::ScratchDir;

const std::string kPolicies = KPSIM_SOURCE_DIR "/scenarios/policies/";

TEST(CompareCommand, APolicyOverlayIsAVariantOfTheBase) {
  ScratchDir dir;
  const auto r = run_kpsim("compare " + kQuickstart + " '" + kPolicies + "compress-120.yaml' '" + kPolicies +
                           "start-on-land.yaml' --replications 60 --out '" + (dir / "cmp").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("variant: quickstart + 审批时限200→120"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("variant: quickstart + 拿地即开工"), std::string::npos) << r.out;
  // The planner's answer on the screen.
  for (const char* shown : {"Completed investment (亿元) and the year to date as a share of the annual plan", "of plan: base",
                            "Targets missed with probability", "still missed", "Bottleneck ranking", "土地储备中心",
                            "from the start date or entry, elapsed"})
    EXPECT_NE(r.out.find(shown), std::string::npos) << shown;
  const std::string csv = read_file(dir / "cmp" / "compare.csv");
  EXPECT_EQ(csv.rfind("base,variant,metric,period,replications,base_mean,variant_mean,diff_mean,diff_ci90_low,"
                      "diff_ci90_high,diff_p05,diff_p95\n",
                      0),
            0u);
  EXPECT_NE(csv.find("quickstart,quickstart + 审批时限200→120,investment,2026Q3,60,"), std::string::npos);
  EXPECT_NE(csv.find(",wait:land_bank,2026,"), std::string::npos);  // the whole horizon: its year
  EXPECT_NE(read_file(dir / "cmp" / "compare.json").find("\"method\": \"paired differences"), std::string::npos);
  // Side by side, a column per variant.
  const std::string agencies = read_file(dir / "cmp" / "agencies_compare.csv");
  EXPECT_EQ(agencies.rfind("agency,name,rank_base,utilisation_base,mean_wait_base,rank: 审批时限200→120,utilisation: "
                           "审批时限200→120,utilisation_change: 审批时限200→120,mean_wait: 审批时限200→120,mean_wait_change: "
                           "审批时限200→120,rank: 拿地即开工,",
                           0),
            0u)
      << agencies;
  EXPECT_NE(agencies.find("\nland_bank,土地储备中心,1,"), std::string::npos) << agencies;  // the bottleneck first
  EXPECT_NE(csv.find(",share_of_plan,2026Q2,"), std::string::npos);
  const std::string targets = read_file(dir / "cmp" / "targets_compare.csv");
  EXPECT_NE(targets.find("\nI04,锂电池材料扩产项目,开工 start,2026-08-31,"), std::string::npos);
  EXPECT_NE(targets.find(",p_miss_change: 审批时限200→120,status: 审批时限200→120,"), std::string::npos) << targets;
  EXPECT_TRUE(std::filesystem::exists(dir / "cmp" / "report.xlsx"));
}

TEST(CompareCommand, TheOutputDoesNotDependOnTheThreadCount) {
  ScratchDir dir;
  std::string files[2];
  for (int threads : {1, 2}) {
    const std::string out = (dir / std::to_string(threads)).string();
    ASSERT_EQ(run_kpsim("compare " + kQuickstart + " '" + kPolicies + "joint-review.yaml' -n 70 -j " +
                        std::to_string(threads) + " --out '" + out + "'").status, 0);
    for (const char* f : {"compare.csv", "targets_compare.csv", "agencies_compare.csv", "report.xlsx"})
      files[threads - 1] += read_file(std::filesystem::path(out) / f);
  }
  EXPECT_EQ(files[0], files[1]);
}

TEST(CompareCommand, ABadVariantIsBadInputAndWritesNothing) {
  ScratchDir dir;
  test::write_file(dir / "bad.yaml", "kpsim: 1\npolicies:\n  - parallel: {steps: [eia, nosuch]}\n");
  const auto r = run_kpsim("compare " + kQuickstart + " '" + (dir / "bad.yaml").string() + "' --out '" +
                           (dir / "cmp").string() + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.yaml:3:29: policies[0].parallel.steps[1]: no template in scope has a step 'nosuch'"),
            std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "cmp"));
}

TEST(CompareCommand, RunAppliesPolicyOverlaysInOrder) {
  ScratchDir dir;
  const auto r = run_kpsim("run " + kQuickstart + " --policy '" + kPolicies + "joint-review.yaml' --policy '" + kPolicies +
                           "compress-120.yaml' -n 20 --out '" + (dir / "out").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("policies: 联审联批, 审批时限200→120"), std::string::npos) << r.out;
  EXPECT_NE(read_file(dir / "out" / "summary.json").find("\"policies\": [\n    \"联审联批\",\n    \"审批时限200→120\"\n  ]"),
            std::string::npos);
}

}  // namespace
}  // namespace kpsim
