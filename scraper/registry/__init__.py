"""The portal registry: which portals exist, for which administrative units, and where."""
