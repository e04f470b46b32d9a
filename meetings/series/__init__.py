"""Meeting series: a format on a fixed rhythm with a fixed facilitator and stand-in, whose next
meetings the app keeps planned ahead."""
