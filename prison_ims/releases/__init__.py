"""Prison IMS: releases with their checklist and certificate."""
