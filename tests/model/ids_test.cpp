#include "sim/model/ids.hpp"

#include <gtest/gtest.h>

namespace kpsim::model {
namespace {

struct Item {
  std::string id;
};
const std::vector<Item> kItems{{"eco"}, {"ndrc"}, {"eco"}, {"land"}};

TEST(Ids, IdsOfListsEveryIdInOrder) {
  EXPECT_EQ(ids_of(kItems), (std::vector<std::string>{"eco", "ndrc", "eco", "land"}));
}

TEST(Ids, FindByIdReturnsTheFirstMatchOrNothing) {
  EXPECT_EQ(find_by_id(kItems, "eco"), &kItems[0]);
  EXPECT_EQ(find_by_id(kItems, "land"), &kItems[3]);
  EXPECT_EQ(find_by_id(kItems, "zoning"), nullptr);
  EXPECT_EQ(index_of_id(kItems, "ndrc"), std::optional<std::size_t>(1));
  EXPECT_FALSE(index_of_id(kItems, "zoning"));
}

TEST(Ids, AnIdIndexAgreesWithTheLinearLookUpAndSaysWhatIsMissing) {
  const IdIndex index(kItems);
  for (const Item& item : kItems) EXPECT_EQ(index(item.id), *index_of_id(kItems, item.id)) << item.id;
  EXPECT_EQ(index("zoning"), IdIndex::kMissing);
  EXPECT_EQ(IdIndex()("eco"), IdIndex::kMissing);
}

}  // namespace
}  // namespace kpsim::model
