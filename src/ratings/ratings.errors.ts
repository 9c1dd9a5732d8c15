import { defineErrors } from "../platform/errors.ts";

/** Errors of ratings (评价). */
export const ratingErrors = defineErrors({
  already_rated: {
    status: 409,
    zh: "您已评价过这次用工",
    en: "You have already rated this job",
  },
  rating_not_open_yet: {
    status: 409,
    zh: "签退后才能评价",
    en: "Ratings open once the worker has checked out",
  },
  unknown_rating_tag: {
    status: 400,
    zh: "没有“{tag}”这个评价标签",
    en: "“{tag}” is not one of the rating tags",
  },
});
