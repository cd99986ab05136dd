"""Matching articles to the people they would help, with reasons.

`text` finds one term in one text (`find_term`, also used for leads and intros);
`engine` matches a whole desk and ranks the pairs (pure); `service` keeps the
incremental cache in the store and applies the user's decisions and feedback.
The package itself imports none of them: leads and intros need only `text`, and
must not pay for numpy and the engine.
"""
