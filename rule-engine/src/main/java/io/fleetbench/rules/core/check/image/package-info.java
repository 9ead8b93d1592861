/** Checks of images and of the user a container's image makes it run as. */
@NullMarked
package io.fleetbench.rules.core.check.image;

import org.jspecify.annotations.NullMarked;
