#include "sim/report/planner_questions.hpp"

#include <gtest/gtest.h>

namespace kpsim::report {
namespace {

ProjectStats stats(double p_start, double p_completion) {
  ProjectStats s;
  s.p_start_target_missed = p_start;
  s.p_completion_target_missed = p_completion;
  return s;
}

TEST(PlannerQuestions, TargetsAtRiskAreWorstFirstWithTiesInProjectOrderAndStartBeforeCompletion) {
  MonteCarloForecast mc;
  mc.projects = {stats(0.4, kNever), stats(0.9, 0.4), stats(kNever, 0.2), stats(0.29, 0.3)};
  const auto risky = targets_at_risk(mc, 0.3);
  ASSERT_EQ(risky.size(), 4u);
  EXPECT_EQ(risky[0].project, 1u);
  EXPECT_EQ(risky[0].target, Target::start);
  EXPECT_DOUBLE_EQ(risky[0].p_miss, 0.9);
  // 0.4 three ways: project 0's start, then project 1's completion.
  EXPECT_EQ(risky[1].project, 0u);
  EXPECT_EQ(risky[2].project, 1u);
  EXPECT_EQ(risky[2].target, Target::completion);
  // At the threshold counts; just under it (0.29) and no target (NaN) do not.
  EXPECT_EQ(risky[3].project, 3u);
  EXPECT_EQ(risky[3].target, Target::completion);
}

TEST(PlannerQuestions, HeldStepAndShareFollowTheTarget) {
  ProjectStats s = stats(0.5, 0.6);
  s.held_start_task = 4, s.held_start_share = 0.7;
  s.held_completion_task = 9, s.held_completion_share = 0.2;
  EXPECT_EQ(held_task(s, Target::start), 4u);
  EXPECT_EQ(held_task(s, Target::completion), 9u);
  EXPECT_DOUBLE_EQ(held_share(s, Target::start), 0.7);
  EXPECT_DOUBLE_EQ(miss_probability(s, Target::completion), 0.6);
  EXPECT_FALSE(at_risk(s, Target::start, 0.51));
  EXPECT_TRUE(at_risk(s, Target::completion, 0.6));
}

TEST(PlannerQuestions, TheBottleneckIsTheBusiestAgencyWithTiesInScenarioOrder) {
  MonteCarloForecast mc;
  mc.agencies.resize(4);
  mc.agencies[0].utilisation = 0.4;
  mc.agencies[1].utilisation = 0.9;
  mc.agencies[2].utilisation = 0.4;
  mc.agencies[3].utilisation = 0.1;
  EXPECT_EQ(agencies_busiest_first(mc), (std::vector<std::size_t>{1, 0, 2, 3}));
}

}  // namespace
}  // namespace kpsim::report
