@NullMarked
package org.gridvault.insights.web;

import org.jspecify.annotations.NullMarked;
