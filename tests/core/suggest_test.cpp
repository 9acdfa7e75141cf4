#include "sim/core/suggest.hpp"

#include <gtest/gtest.h>

namespace kpsim::core {

TEST(Suggest, FindsTheNearestNameForATypo) {
  const std::vector<std::string> names{"government-invested", "enterprise-invested", "industrial"};
  EXPECT_EQ(nearest_name("goverment-invested", names), "government-invested");
  EXPECT_EQ(nearest_name("industral", names), "industrial");
  EXPECT_EQ(did_you_mean("industral", names), " (did you mean 'industrial'?)");
}

TEST(Suggest, StaysQuietWhenNothingIsClose) {
  EXPECT_EQ(nearest_name("xyz", {"government-invested", "industrial"}), "");
  EXPECT_EQ(did_you_mean("ndrc", {"ndrc"}), "");  // an exact match is no typo
}

TEST(Suggest, CountsChineseCharactersAsOneEdit) {
  EXPECT_EQ(nearest_name("发改委员", {"发改委", "住建局"}), "发改委");
}

}  // namespace kpsim::core
